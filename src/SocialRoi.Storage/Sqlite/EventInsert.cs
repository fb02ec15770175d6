using Microsoft.Data.Sqlite;
using SocialRoi.Domain.Events;
using SQLitePCL;

namespace SocialRoi.Storage.Sqlite;

/// <summary>
/// A group commit's insert of one event at a time, prepared once per group and bound through
/// SQLite's own interface. SQLite's single writer is what caps ingest (docs/performance.md), and
/// through a SqliteCommand each row also paid for parameters found by name, a boxed instant, its
/// text made UTF-8 in managed code and an asynchronous call around a synchronous one.
/// </summary>
internal sealed class EventInsert : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    /// <param name="connection">An open connection, in the transaction the inserts belong to.</param>
    public EventInsert(SqliteConnection connection)
    {
        _database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_database,
            "INSERT INTO events (account, id, type, at_ticks, body) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (account, id) DO NOTHING",
            out _statement));
    }

    /// <summary>Stores the event with its canonical JSON, unless its account already holds its id: whether it stored it.</summary>
    public bool TryStore(EngagementEvent e, string body)
    {
        Check(raw.sqlite3_reset(_statement));
        // Text goes in as the UTF-16 it is, with no managed copy; SQLite stores it as UTF-8, as the log's readers expect.
        Check(raw.sqlite3_bind_text16(_statement, 1, e.Account));
        Check(raw.sqlite3_bind_text16(_statement, 2, e.Id));
        Check(raw.sqlite3_bind_text16(_statement, 3, e.Type.Wire()));
        Check(raw.sqlite3_bind_int64(_statement, 4, e.At.UtcTicks));
        Check(raw.sqlite3_bind_text16(_statement, 5, body));
        // No retry while busy, as a SqliteCommand would: the group's transaction began IMMEDIATE
        // (BeginTransaction's default), so it holds SQLite's write lock and no other writer is in the way.
        var result = raw.sqlite3_step(_statement);
        if (result != raw.SQLITE_DONE) Check(result);
        return raw.sqlite3_changes(_database) == 1;
    }

    public void Dispose() => _statement.Dispose();

    // Throws the SqliteException a SqliteCommand would have thrown, with SQLite's message.
    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}
