using System.Globalization;
using Microsoft.Data.Sqlite;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Accounts;

namespace SocialRoi.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go one at a time (SQLite has a
/// single writer) and are fully synced before they are acknowledged. Event appends are written
/// in groups, one commit each (SqliteStorage.Appends.cs).
/// </summary>
public sealed partial class SqliteStorage : IStorage, ISnapshotStore
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
        Orleans = new OrleansDatabase("System.Data.SQLite", _connectionString); // Orleans maps this invariant to Microsoft.Data.Sqlite
        _appends = new GroupCommit(nameof(SqliteStorage), writers: 1, WriteGroupAsync);
    }

    public string Description { get; }

    public OrleansDatabase Orleans { get; }

    public static async Task<SqliteStorage> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var storage = new SqliteStorage(path);
        await using var connection = await storage.OpenConnectionAsync(cancellationToken);
        await Execute(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await SqliteMigrations.ApplyAsync(connection, cancellationToken);
        storage._appends.Start();
        return storage;
    }

    public Task<IReadOnlyList<EngagementEvent>> ReadAccountAsync(string account, NamePool names, CancellationToken cancellationToken) =>
        AccountReading.ReadAsync(this, account, names, cancellationToken);

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var probe = Command(connection, null, "SELECT COUNT(*) FROM accounts");
            await probe.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public async Task SaveAccountAsync(string account, AccountSettings settings, IReadOnlyList<Goal> goals, CancellationToken cancellationToken)
    {
        await WriteAsync(async connection =>
        {
            await using var upsert = Command(connection, null, """
                INSERT INTO accounts (account, display_name, currency, lookback_days, half_life_days, margin, goals, updated_at)
                VALUES ($account, $name, $currency, $lookback, $halfLife, $margin, $goals, $now)
                ON CONFLICT (account) DO UPDATE SET display_name = excluded.display_name, currency = excluded.currency,
                    lookback_days = excluded.lookback_days, half_life_days = excluded.half_life_days, margin = excluded.margin,
                    goals = excluded.goals, updated_at = excluded.updated_at
                """);
            upsert.Parameters["$account"].Value = account;
            upsert.Parameters["$name"].Value = (object?)settings.DisplayName ?? DBNull.Value;
            upsert.Parameters["$currency"].Value = settings.Currency;
            upsert.Parameters["$lookback"].Value = settings.LookbackDays;
            upsert.Parameters["$halfLife"].Value = settings.HalfLifeDays;
            upsert.Parameters["$margin"].Value = settings.Margin.ToString(CultureInfo.InvariantCulture);
            upsert.Parameters["$goals"].Value = GoalsJson.Write(goals);
            upsert.Parameters["$now"].Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task<StoredAccount?> FindAccountAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var select = Command(connection, null,
            $"SELECT a.account, {AccountRows.Columns}, COALESCE((SELECT c.events FROM account_event_counts c WHERE c.account = a.account), 0) FROM accounts a WHERE a.account = $account");
        select.Parameters["$account"].Value = account;
        return (await DbRows.ReadAsync(select, AccountRows.Read, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<StoredAccount>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        // BINARY collation compares UTF-8 bytes: ordinal order.
        await using var select = Command(connection, null, $"""
            SELECT k.account, {AccountRows.Columns}, COALESCE(c.events, 0)
            FROM (SELECT account FROM account_event_counts UNION SELECT account FROM accounts) k
            LEFT JOIN accounts a ON a.account = k.account
            LEFT JOIN account_event_counts c ON c.account = k.account
            ORDER BY k.account
            """);
        return await DbRows.ReadAsync(select, AccountRows.Read, cancellationToken);
    }

    public async Task AddKeyAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        await WriteAsync(async connection =>
        {
            await using var insert = Command(connection, null,
                "INSERT INTO api_keys (id, key_hash, scopes, accounts, created_at) VALUES ($id, $hash, $scopes, $accounts, $at)");
            insert.Parameters["$id"].Value = key.Id;
            insert.Parameters["$hash"].Value = key.Hash;
            insert.Parameters["$scopes"].Value = ApiKeyRows.Join(key.Scopes);
            insert.Parameters["$accounts"].Value = ApiKeyRows.Join(key.Accounts);
            insert.Parameters["$at"].Value = key.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var select = Command(connection, null, ApiKeyRows.Select);
        return await DbRows.ReadAsync(select, ApiKeyRows.Read, cancellationToken);
    }

    public async Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        return await WriteAsync(async connection =>
        {
            await using var revoke = Command(connection, null, "UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL");
            revoke.Parameters["$id"].Value = id;
            revoke.Parameters["$at"].Value = at.ToString("O", CultureInfo.InvariantCulture);
            return await revoke.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
    }

    public async Task<string> GetOrCreateSecretAsync(string name, string candidate, CancellationToken cancellationToken)
    {
        return await WriteAsync(async connection =>
        {
            await using var insert = Command(connection, null, "INSERT INTO installation_secrets (name, value) VALUES ($name, $value) ON CONFLICT (name) DO NOTHING");
            insert.Parameters["$name"].Value = name;
            insert.Parameters["$value"].Value = candidate;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await using var select = Command(connection, null, "SELECT value FROM installation_secrets WHERE name = $name");
            select.Parameters["$name"].Value = name;
            return (string)(await select.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _appends.StopAsync();
        SqliteConnection.ClearAllPools();
        _writer.Dispose();
    }

    // SQLite has one writer: writes queue here rather than meeting SQLITE_BUSY.
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await write(connection);
        }
        finally
        {
            _writer.Release();
        }
    }

    private Task WriteAsync(Func<SqliteConnection, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(async connection => { await write(connection); return true; }, cancellationToken);

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
