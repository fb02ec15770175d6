using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Accounts;

namespace SocialRoi.Storage.Postgres;

/// <summary>
/// The production store on PostgreSQL. Ingest writes a batch of new events with one binary COPY;
/// a batch holding a key already stored goes through one idempotent INSERT … ON CONFLICT DO
/// NOTHING instead. Either is one statement that commits before the batch is acknowledged.
/// </summary>
public sealed class PostgresStorage : IStorage
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresStorage(NpgsqlDataSource dataSource, string connectionString, string description)
    {
        _dataSource = dataSource;
        Description = description;
        Orleans = new OrleansDatabase("Npgsql", connectionString);
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
        return storage;
    }

    public async Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return [];
        var bodies = events.Select(EventJson.Write).ToArray();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (await TryCopyAsync(connection, events, bodies, cancellationToken)) return Enumerable.Repeat(AppendOutcome.Stored, events.Count).ToArray();
        var (accounts, ids) = (events.Select(e => e.Account).ToArray(), events.Select(e => e.Id).ToArray());

        // Some key is stored already. One statement, the batch as arrays: atomic on its own, and one
        // round trip. (A staging table filled by COPY cost a catalog write per append and took ingest
        // to 0.09 x psql \copy.)
        var stored = new HashSet<(string, string)>();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO events (account, id, type, at_ticks, body)
            SELECT account, id, type, at_ticks, body
            FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) WITH ORDINALITY AS batch (account, id, type, at_ticks, body, ord)
            ORDER BY ord
            ON CONFLICT (account, id) DO NOTHING
            RETURNING account, id
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = accounts });
            insert.Parameters.Add(new NpgsqlParameter { Value = ids });
            insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Type.Wire()).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.At.UtcTicks).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = bodies });
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) stored.Add((reader.GetString(0), reader.GetString(1)));
        }

        // Keys not stored just now: what the log holds for them. A stored event never changes, so
        // reading it after the insert committed is safe.
        var logged = new Dictionary<(string, string), string>();
        if (stored.Count < events.Count)
        {
            await using var select = new NpgsqlCommand(
                "SELECT e.account, e.id, e.body FROM events e JOIN unnest($1::text[], $2::text[]) AS k (account, id) USING (account, id)", connection);
            select.Parameters.Add(new NpgsqlParameter { Value = accounts });
            select.Parameters.Add(new NpgsqlParameter { Value = ids });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) logged[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        var results = new AppendOutcome[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            // The first occurrence of a newly stored key is the stored one; later ones in the batch compare against it.
            var key = (events[i].Account, events[i].Id);
            results[i] = stored.Remove(key)
                ? AppendOutcome.Stored
                : logged[key] == bodies[i] ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
        }
        return results;
    }

    /// <summary>
    /// The usual batch is all new events: COPY writes them at the server's bulk rate, in batch order,
    /// at about a third of the insert's cost to the server. A key already stored (a re-sent export)
    /// fails the COPY as a whole, nothing written; false then, and the insert sorts stored from
    /// duplicate and conflicting events.
    /// </summary>
    private static async Task<bool> TryCopyAsync(NpgsqlConnection connection, IReadOnlyList<EngagementEvent> events, string[] bodies, CancellationToken cancellationToken)
    {
        try
        {
            await using var copy = await connection.BeginBinaryImportAsync("COPY events (account, id, type, at_ticks, body) FROM STDIN (FORMAT BINARY)", cancellationToken);
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(e.Account, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(e.Type.Wire(), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(e.At.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(bodies[i], NpgsqlDbType.Text, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
            return true;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<EngagementEvent>> ReadAccountAsync(string account, NamePool names, CancellationToken cancellationToken)
    {
        await using var select = _dataSource.CreateCommand("SELECT position, body FROM events WHERE account = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = account });
        // The body's UTF-8 bytes as the server sends them (the connection's encoding is UTF-8): no UTF-16 string of each event.
        return await LogReading.ReadAsync(select, row => row.GetFieldValue<byte[]>(1), names, cancellationToken);
    }

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

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static string Redact(string uri) => System.Text.RegularExpressions.Regex.Replace(uri, "://([^:@/]+):[^@/]*@", "://$1:***@");
}
