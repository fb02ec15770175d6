using Microsoft.Data.Sqlite;
using SocialRoi.Domain.Events;

namespace SocialRoi.Storage.Sqlite;

/// <summary>
/// Event appends, written by <see cref="GroupCommit"/>. Every commit is an fsync (about 1 ms here),
/// which capped ingest when each grain's append committed alone; one writer loop (SQLite has a
/// single writer) now writes everything queued in one transaction.
/// </summary>
public sealed partial class SqliteStorage
{
    private readonly GroupCommit _appends;

    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken) =>
        _appends.AppendAsync(events);

    private Task<IReadOnlyList<AppendOutcome[]>> WriteGroupAsync(IReadOnlyList<PendingAppend> group) =>
        WriteAsync(connection => WriteGroupAsync(connection, group), CancellationToken.None);

    private static async Task<IReadOnlyList<AppendOutcome[]>> WriteGroupAsync(SqliteConnection connection, IReadOnlyList<PendingAppend> group)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        using var insert = new EventInsert(connection);
        await using var existing = Command(connection, transaction, "SELECT body FROM events WHERE account = $account AND id = $id");
        var outcomes = new List<AppendOutcome[]>(group.Count);
        var storedPerAccount = new Dictionary<string, long>();
        foreach (var append in group)
        {
            var results = new AppendOutcome[append.Events.Count];
            for (var i = 0; i < results.Length; i++)
            {
                var (e, body) = (append.Events[i], append.Bodies[i]);
                if (insert.TryStore(e, body))
                {
                    results[i] = AppendOutcome.Stored;
                    storedPerAccount[e.Account] = storedPerAccount.GetValueOrDefault(e.Account) + 1;
                    continue;
                }
                existing.Parameters["$account"].Value = e.Account;
                existing.Parameters["$id"].Value = e.Id;
                var stored = (string?)await existing.ExecuteScalarAsync();
                results[i] = stored == body ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
            }
            outcomes.Add(results);
        }
        await CountStoredEventsAsync(connection, transaction, storedPerAccount);
        await transaction.CommitAsync();
        return outcomes;
    }

    /// <summary>Adds the events this commit stores to their accounts' counts, in the same transaction.</summary>
    private static async Task CountStoredEventsAsync(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, long> storedPerAccount)
    {
        await using var count = Command(connection, transaction, """
            INSERT INTO account_event_counts (account, events) VALUES ($account, $events)
            ON CONFLICT (account) DO UPDATE SET events = events + excluded.events
            """);
        foreach (var (account, events) in storedPerAccount)
        {
            count.Parameters["$account"].Value = account;
            count.Parameters["$events"].Value = events;
            await count.ExecuteNonQueryAsync();
        }
    }
}
