using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Accounts;

namespace SocialRoi.Storage.Postgres;

/// <summary>
/// The production store on PostgreSQL. Event appends are written in groups, one statement each
/// (PostgresStorage.Appends.cs).
/// </summary>
public sealed partial class PostgresStorage : IStorage, ISnapshotStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresStorage(NpgsqlDataSource dataSource, string connectionString, string description)
    {
        _dataSource = dataSource;
        Description = description;
        Orleans = new OrleansDatabase("Npgsql", connectionString);
        _appends = new GroupCommit(nameof(PostgresStorage), writers: 2, WriteGroupAsync);
    }

    public string Description { get; }

    public OrleansDatabase Orleans { get; }

    /// <summary>postgres://user:password@host:port/database → an Npgsql connection string.</summary>
    public static string ConnectionString(string uri)
    {
        var parsed = new Uri(uri);
        var credentials = parsed.UserInfo.Split(':', 2);
        var database = parsed.AbsolutePath.Trim('/');
        if (parsed.Host.Length == 0 || database.Length == 0 || credentials[0].Length == 0)
            throw new ArgumentException($"storage \"{Redact(uri)}\" needs a user, host and database: postgres://user:password@host:5432/database");
        return new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5432 : parsed.Port,
            Username = Uri.UnescapeDataString(credentials[0]),
            Password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : null,
            Database = Uri.UnescapeDataString(database),
            ApplicationName = "socialroi",
            // Many grains append at once; past the server's max_connections (100 by default) it refuses
            // them ("too many clients"). Twenty per pool keep two cores busy; more calls wait for one.
            MaxPoolSize = 20,
        }.ConnectionString;
    }

    public static async Task<PostgresStorage> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var storage = new PostgresStorage(NpgsqlDataSource.Create(connectionString), connectionString,
            $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}");
        await PostgresMigrations.ApplyAsync(storage._dataSource, cancellationToken);
        storage._appends.Start();
        return storage;
    }

    public Task<IReadOnlyList<EngagementEvent>> ReadAccountAsync(string account, NamePool names, CancellationToken cancellationToken) =>
        AccountReading.ReadAsync(this, account, names, cancellationToken);

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = _dataSource.CreateCommand("SELECT count(*) FROM accounts");
            await probe.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async Task SaveAccountAsync(string account, AccountSettings settings, IReadOnlyList<Goal> goals, CancellationToken cancellationToken)
    {
        await using var upsert = _dataSource.CreateCommand("""
            INSERT INTO accounts (account, display_name, currency, lookback_days, half_life_days, margin, goals)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (account) DO UPDATE SET display_name = excluded.display_name, currency = excluded.currency,
                lookback_days = excluded.lookback_days, half_life_days = excluded.half_life_days, margin = excluded.margin,
                goals = excluded.goals, updated_at = now()
            """);
        upsert.Parameters.Add(new NpgsqlParameter { Value = account });
        upsert.Parameters.Add(new NpgsqlParameter { Value = (object?)settings.DisplayName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        upsert.Parameters.Add(new NpgsqlParameter { Value = settings.Currency });
        upsert.Parameters.Add(new NpgsqlParameter { Value = settings.LookbackDays });
        upsert.Parameters.Add(new NpgsqlParameter { Value = settings.HalfLifeDays });
        upsert.Parameters.Add(new NpgsqlParameter { Value = settings.Margin });
        upsert.Parameters.Add(new NpgsqlParameter { Value = GoalsJson.Write(goals) });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredAccount?> FindAccountAsync(string account, CancellationToken cancellationToken)
    {
        await using var select = _dataSource.CreateCommand(
            $"SELECT a.account, {AccountRows.Columns}, coalesce((SELECT c.events FROM account_event_counts c WHERE c.account = a.account), 0) FROM accounts a WHERE a.account = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = account });
        return (await DbRows.ReadAsync(select, AccountRows.Read, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<StoredAccount>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var select = _dataSource.CreateCommand($"""
            SELECT k.account, {AccountRows.Columns}, coalesce(c.events, 0)
            FROM (SELECT account FROM account_event_counts UNION SELECT account FROM accounts) k
            LEFT JOIN accounts a ON a.account = k.account
            LEFT JOIN account_event_counts c ON c.account = k.account
            ORDER BY k.account COLLATE "C"
            """);
        return await DbRows.ReadAsync(select, AccountRows.Read, cancellationToken);
    }

    public async Task AddKeyAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        await using var insert = _dataSource.CreateCommand("INSERT INTO api_keys (id, key_hash, scopes, accounts, created_at) VALUES ($1, $2, $3, $4, $5)");
        foreach (var value in new object[] { key.Id, key.Hash, ApiKeyRows.Join(key.Scopes), ApiKeyRows.Join(key.Accounts), key.CreatedAt.UtcDateTime })
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListKeysAsync(CancellationToken cancellationToken)
    {
        await using var select = _dataSource.CreateCommand(ApiKeyRows.Select);
        return await DbRows.ReadAsync(select, ApiKeyRows.Read, cancellationToken);
    }

    public async Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var revoke = _dataSource.CreateCommand("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL");
        revoke.Parameters.Add(new NpgsqlParameter { Value = id });
        revoke.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime });
        return await revoke.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<string> GetOrCreateSecretAsync(string name, string candidate, CancellationToken cancellationToken)
    {
        await using var upsert = _dataSource.CreateCommand("""
            WITH inserted AS (INSERT INTO installation_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value)
            SELECT value FROM inserted UNION ALL SELECT value FROM installation_secrets WHERE name = $1
            LIMIT 1
            """);
        upsert.Parameters.Add(new NpgsqlParameter { Value = name });
        upsert.Parameters.Add(new NpgsqlParameter { Value = candidate });
        return (string)(await upsert.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _appends.StopAsync();
        await _dataSource.DisposeAsync();
    }

    private static string Redact(string uri) => System.Text.RegularExpressions.Regex.Replace(uri, "://([^:@/]+):[^@/]*@", "://$1:***@");
}
