using System.Globalization;
using Microsoft.Data.Sqlite;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Persistence;

namespace SocialRoi.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go one at a time (SQLite has a
/// single writer) and are fully synced before they are acknowledged.
/// </summary>
public sealed class SqliteStorage : IStorage
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    private SqliteStorage(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Description = $"SQLite at {Path.GetFullPath(path)}";
    }

    public string Description { get; }

    public static async Task<SqliteStorage> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var storage = new SqliteStorage(path);
        await using var connection = await storage.OpenConnectionAsync(cancellationToken);
        await Execute(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await SqliteMigrations.ApplyAsync(connection, cancellationToken);
        return storage;
    }

    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = Command(connection, transaction,
                "INSERT INTO events (account, id, type, at_ticks, body) VALUES ($account, $id, $type, $at, $body) ON CONFLICT (account, id) DO NOTHING RETURNING position");
            await using var existing = Command(connection, transaction, "SELECT body FROM events WHERE account = $account AND id = $id");
            var outcomes = new List<AppendResult>(events.Count);
            foreach (var e in events)
            {
                var body = EventJson.Write(e);
                insert.Parameters["$account"].Value = e.Account;
                insert.Parameters["$id"].Value = e.Id;
                insert.Parameters["$type"].Value = e.Type.Wire();
                insert.Parameters["$at"].Value = e.At.UtcTicks;
                insert.Parameters["$body"].Value = body;
                if (await insert.ExecuteScalarAsync(cancellationToken) is long position)
                {
                    outcomes.Add(new AppendResult(AppendOutcome.Stored, position));
                    continue;
                }
                existing.Parameters["$account"].Value = e.Account;
                existing.Parameters["$id"].Value = e.Id;
                var stored = (string?)await existing.ExecuteScalarAsync(cancellationToken);
                outcomes.Add(new AppendResult(stored == body ? AppendOutcome.Duplicate : AppendOutcome.Conflict, 0));
            }
            await transaction.CommitAsync(cancellationToken);
            return outcomes;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<LoggedEvent>> ReadAccountAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var select = Command(connection, null, "SELECT position, body FROM events WHERE account = $account ORDER BY position");
        select.Parameters["$account"].Value = account;
        return await DbRows.ReadAsync(select, row => new LoggedEvent(row.GetInt64(0), EventJson.Read(row.GetString(1))), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountEventsByAccountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var select = Command(connection, null, "SELECT account, COUNT(*) FROM events GROUP BY account");
        var counts = await DbRows.ReadAsync(select, row => (Account: row.GetString(0), Events: row.GetInt64(1)), cancellationToken);
        return counts.ToDictionary(c => c.Account, c => c.Events, StringComparer.Ordinal);
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var probe = Command(connection, null, "SELECT COUNT(*) FROM grain_state");
            await probe.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public async Task<StoredGrainState> ReadStateAsync(string grainType, string grainId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var select = Command(connection, null, "SELECT state, etag FROM grain_state WHERE grain_type = $type AND grain_id = $id");
        select.Parameters["$type"].Value = grainType;
        select.Parameters["$id"].Value = grainId;
        var states = await DbRows.ReadAsync(select, row => new StoredGrainState(row.GetString(0), row.GetString(1)), cancellationToken);
        return states.SingleOrDefault() ?? new StoredGrainState(null, null);
    }

    public async Task<string> WriteStateAsync(string grainType, string grainId, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            // No expected version: only a first write may succeed. Otherwise the stored version must match.
            await using var write = Command(connection, null, expectedETag is null
                ? "INSERT INTO grain_state (grain_type, grain_id, etag, state, updated_at) VALUES ($type, $id, $etag, $state, $now) ON CONFLICT DO NOTHING"
                : "UPDATE grain_state SET etag = $etag, state = $state, updated_at = $now WHERE grain_type = $type AND grain_id = $id AND etag = $expected");
            write.Parameters["$type"].Value = grainType;
            write.Parameters["$id"].Value = grainId;
            write.Parameters["$etag"].Value = etag;
            write.Parameters["$state"].Value = json;
            write.Parameters["$now"].Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            if (expectedETag is not null) write.Parameters["$expected"].Value = expectedETag;
            if (await write.ExecuteNonQueryAsync(cancellationToken) == 1) return etag;
        }
        finally
        {
            _writer.Release();
        }
        var actual = await ReadStateAsync(grainType, grainId, cancellationToken);
        throw new InconsistentStateException(grainType, grainId, expectedETag, actual.ETag);
    }

    public async Task<IReadOnlyList<string>> ListGrainIdsAsync(string grainType, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var select = Command(connection, null, "SELECT grain_id FROM grain_state WHERE grain_type = $type ORDER BY grain_id");
        select.Parameters["$type"].Value = grainType;
        return await DbRows.ReadAsync(select, row => row.GetString(0), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _writer.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // FULL: an acknowledged event survives power loss, not only a process crash.
        await Execute(connection, "PRAGMA synchronous = FULL;", cancellationToken);
        return connection;
    }

    /// <summary>A command whose $parameters are declared from its text, to be filled per row.</summary>
    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+").Select(m => m.Value).Distinct())
            command.Parameters.Add(new SqliteParameter(name, null));
        return command;
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
