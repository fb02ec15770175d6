using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;

namespace SocialRoi.Storage;

/// <summary>
/// Reads an account's events as its activation does: from its snapshot, when it has one, and then
/// from the log only the events after the snapshot's position. Parsing a million events' JSON was
/// ~1.2 s of every activation of a million-event account. The log stays the source of truth: a
/// snapshot is only a faster copy of a prefix of it, checked against the log's count of the
/// account's events, and one that is missing, of another version, unreadable or out of date is
/// passed over for the log. Snapshots are written as accounts deactivate, off any answer's path.
/// </summary>
internal static class AccountReading
{
    /// <summary>
    /// A fresh snapshot is written when at least this many events would otherwise be parsed from the
    /// log at the next activation. Fewer read fast enough (the demo's biggest account holds ~9,000 events).
    /// </summary>
    public const int FreshSnapshotAfter = 20_000;

    public static async Task<IReadOnlyList<EngagementEvent>> ReadAsync(ISnapshotStore store, string account, NamePool names, CancellationToken cancellationToken)
    {
        var snapshot = Events(await store.FindSnapshotAsync(account, cancellationToken), names);
        if (snapshot is null) return await store.ReadLogAsync(account, 0, names, cancellationToken);
        // Events are never removed and a snapshot holds only stored ones, so when it holds as many as the
        // log, nothing was stored since: no log row is read. Finding the rows after its position took
        // 76–95 ms for a million-event account on SQLite, which scans the account's index to find them.
        var stored = await store.CountEventsAsync(account, cancellationToken);
        if (snapshot.Events.Length == stored) return snapshot.Events;
        var log = await store.ReadLogAsync(account, snapshot.Through, names, cancellationToken);
        if (snapshot.Events.Length + log.Length != stored)
        {
            // PostgreSQL hands out positions before commits, so an event may have been committed below
            // the snapshot's position after the snapshot was written: the snapshot is out of date.
            return await store.ReadLogAsync(account, 0, names, cancellationToken);
        }
        return [.. snapshot.Events, .. log];
    }

    /// <summary>
    /// A snapshot of the events an account holds in memory, as it deactivates: written when the log holds
    /// exactly those events and its snapshot lacks at least <see cref="FreshSnapshotAfter"/> of them.
    /// </summary>
    public static async Task<bool> SaveAsync(ISnapshotStore store, string account, IReadOnlyCollection<EngagementEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count < FreshSnapshotAfter || events.Count - await store.SnapshotEventsAsync(account, cancellationToken) < FreshSnapshotAfter) return false;
        // The position first: an event stored after it but below it (PostgreSQL commits positions out of
        // order) shows in the count, or in the count a read compares the snapshot with.
        var through = await store.LastPositionAsync(account, cancellationToken);
        if (await store.CountEventsAsync(account, cancellationToken) != events.Count) return false;
        // In (at, id) order: an activation then builds its indexes without sorting them again (~0.15 s
        // for a million), and they lie in memory in the order the build walks them.
        var inTimeOrder = TimeOrder.Sorted(events);
        await store.SaveSnapshotAsync(account, new StoredSnapshot(through, events.Count, SnapshotFormat.Version, SnapshotFormat.Write(inTimeOrder)), cancellationToken);
        return true;
    }

    private static SnapshotEvents? Events(StoredSnapshot? saved, NamePool names)
    {
        if (saved is not { Format: SnapshotFormat.Version }) return null;
        try
        {
            return new SnapshotEvents(saved.Through, SnapshotFormat.Read(saved.Body, names));
        }
        catch (InvalidDataException)
        {
            return null; // written by a faulty version, or damaged: the log has every event
        }
    }

    private sealed record SnapshotEvents(long Through, EngagementEvent[] Events);
}

/// <summary>An account's snapshot as stored: its events up to log position <see cref="Through"/>, in <see cref="SnapshotFormat"/>.</summary>
internal sealed record StoredSnapshot(long Through, int Events, int Format, byte[] Body);

/// <summary>What reading an account through its snapshot asks of a store, each in its own SQL.</summary>
internal interface ISnapshotStore
{
    Task<StoredSnapshot?> FindSnapshotAsync(string account, CancellationToken cancellationToken);

    /// <summary>The account's events at positions after <paramref name="after"/>, in position order.</summary>
    Task<EngagementEvent[]> ReadLogAsync(string account, long after, NamePool names, CancellationToken cancellationToken);

    /// <summary>How many events the log holds for the account.</summary>
    Task<long> CountEventsAsync(string account, CancellationToken cancellationToken);

    /// <summary>The position of the account's last event in the log (0 when it has none).</summary>
    Task<long> LastPositionAsync(string account, CancellationToken cancellationToken);

    /// <summary>How many events the account's snapshot of the current version holds (0 when it has none).</summary>
    Task<int> SnapshotEventsAsync(string account, CancellationToken cancellationToken);

    /// <summary>Replaces the account's snapshot.</summary>
    Task SaveSnapshotAsync(string account, StoredSnapshot snapshot, CancellationToken cancellationToken);
}
