using Npgsql;
using SocialRoi.Domain.Events;

namespace SocialRoi.Storage.Postgres;

/// <summary>How an account's events are read back, through its snapshot, and its snapshot kept (<see cref="AccountReading"/>).</summary>
public sealed partial class PostgresStorage
{
    public Task<bool> SaveSnapshotAsync(string account, IReadOnlyCollection<EngagementEvent> events, CancellationToken cancellationToken) =>
        AccountReading.SaveAsync(this, account, events, cancellationToken);

    async Task<StoredSnapshot?> ISnapshotStore.FindSnapshotAsync(string account, CancellationToken cancellationToken)
    {
        await using var select = _dataSource.CreateCommand("SELECT through, events, format, body FROM account_snapshots WHERE account = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = account });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredSnapshot(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetFieldValue<byte[]>(3))
            : null;
    }

    async Task<EngagementEvent[]> ISnapshotStore.ReadLogAsync(string account, long after, NamePool names, CancellationToken cancellationToken)
    {
        // No index holds the position (docs/performance.md: it cost ingest a fifth of an insert), so the
        // rows at or before `after` are passed over as the account's rows are scanned, bodies unsent.
        await using var select = _dataSource.CreateCommand("SELECT position, body FROM events WHERE account = $1 AND position > $2");
        select.Parameters.Add(new NpgsqlParameter { Value = account });
        select.Parameters.Add(new NpgsqlParameter { Value = after });
        // The body's UTF-8 bytes as the server sends them (the connection's encoding is UTF-8): no UTF-16 string of each event.
        return await LogReading.ReadAsync(select, row => row.GetFieldValue<byte[]>(1), names, cancellationToken);
    }

    async Task<long> ISnapshotStore.CountEventsAsync(string account, CancellationToken cancellationToken)
    {
        await using var select = _dataSource.CreateCommand("SELECT coalesce((SELECT events FROM account_event_counts WHERE account = $1), 0)");
        select.Parameters.Add(new NpgsqlParameter { Value = account });
        return (long)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    async Task<long> ISnapshotStore.LastPositionAsync(string account, CancellationToken cancellationToken)
    {
        // The account's rows scanned, as for a read, without their bodies.
        await using var select = _dataSource.CreateCommand("SELECT coalesce(max(position), 0) FROM events WHERE account = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = account });
        return (long)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    async Task<int> ISnapshotStore.SnapshotEventsAsync(string account, CancellationToken cancellationToken)
    {
        await using var select = _dataSource.CreateCommand("SELECT coalesce((SELECT events FROM account_snapshots WHERE account = $1 AND format = $2), 0)");
        select.Parameters.Add(new NpgsqlParameter { Value = account });
        select.Parameters.Add(new NpgsqlParameter { Value = SnapshotFormat.Version });
        return (int)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    async Task ISnapshotStore.SaveSnapshotAsync(string account, StoredSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var upsert = _dataSource.CreateCommand("""
            INSERT INTO account_snapshots (account, through, events, format, body) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (account) DO UPDATE SET through = excluded.through, events = excluded.events, format = excluded.format, body = excluded.body
            """);
        foreach (var value in new object[] { account, snapshot.Through, snapshot.Events, snapshot.Format, snapshot.Body })
            upsert.Parameters.Add(new NpgsqlParameter { Value = value });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
