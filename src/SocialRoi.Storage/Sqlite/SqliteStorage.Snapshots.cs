using System.Globalization;
using SocialRoi.Domain.Events;

namespace SocialRoi.Storage.Sqlite;

/// <summary>How an account's events are read back, through its snapshot, and its snapshot kept (<see cref="AccountReading"/>).</summary>
public sealed partial class SqliteStorage
{
    public Task<bool> SaveSnapshotAsync(string account, IReadOnlyCollection<EngagementEvent> events, CancellationToken cancellationToken) =>
        AccountReading.SaveAsync(this, account, events, cancellationToken);

    async Task<StoredSnapshot?> ISnapshotStore.FindSnapshotAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var select = Command(connection, null, "SELECT through, events, format, body FROM account_snapshots WHERE account = $account");
        select.Parameters["$account"].Value = account;
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredSnapshot(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetFieldValue<byte[]>(3))
            : null;
    }

    async Task<EngagementEvent[]> ISnapshotStore.ReadLogAsync(string account, long after, NamePool names, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        // The (account, id) index holds each row's position too: rows at or before `after` are passed over in the index alone.
        await using var select = Command(connection, null, "SELECT position, body FROM events WHERE account = $account AND position > $after");
        select.Parameters["$account"].Value = account;
        select.Parameters["$after"].Value = after;
        // The body's UTF-8 bytes as SQLite holds them: no UTF-16 copy of each event.
        return await LogReading.ReadAsync(select, row => row.GetFieldValue<byte[]>(1), names, cancellationToken);
    }

    async Task<long> ISnapshotStore.CountEventsAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var select = Command(connection, null, "SELECT COALESCE((SELECT events FROM account_event_counts WHERE account = $account), 0)");
        select.Parameters["$account"].Value = account;
        return (long)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    async Task<long> ISnapshotStore.LastPositionAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        // From the (account, id) index, which holds each row's position.
        await using var select = Command(connection, null, "SELECT COALESCE(MAX(position), 0) FROM events WHERE account = $account");
        select.Parameters["$account"].Value = account;
        return (long)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    async Task<int> ISnapshotStore.SnapshotEventsAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var select = Command(connection, null, "SELECT COALESCE((SELECT events FROM account_snapshots WHERE account = $account AND format = $format), 0)");
        select.Parameters["$account"].Value = account;
        select.Parameters["$format"].Value = SnapshotFormat.Version;
        return Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    Task ISnapshotStore.SaveSnapshotAsync(string account, StoredSnapshot snapshot, CancellationToken cancellationToken) =>
        WriteAsync(async connection =>
        {
            await using var upsert = Command(connection, null, """
                INSERT INTO account_snapshots (account, through, events, format, body) VALUES ($account, $through, $events, $format, $body)
                ON CONFLICT (account) DO UPDATE SET through = excluded.through, events = excluded.events, format = excluded.format, body = excluded.body
                """);
            upsert.Parameters["$account"].Value = account;
            upsert.Parameters["$through"].Value = snapshot.Through;
            upsert.Parameters["$events"].Value = snapshot.Events;
            upsert.Parameters["$format"].Value = snapshot.Format;
            upsert.Parameters["$body"].Value = snapshot.Body;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
