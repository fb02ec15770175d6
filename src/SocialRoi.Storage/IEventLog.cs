using SocialRoi.Domain.Events;

namespace SocialRoi.Storage;

/// <summary>What the log did with one event of an append.</summary>
public enum AppendOutcome
{
    /// <summary>New and now durable.</summary>
    Stored,
    /// <summary>The same id with the same content was already stored; nothing changed.</summary>
    Duplicate,
    /// <summary>The same id with different content was already stored; the stored event stays.</summary>
    Conflict,
}

/// <summary>
/// The append-only event log: the source of truth that every figure can be rebuilt from.
/// (account, id) is the idempotency key.
/// </summary>
public interface IEventLog
{
    /// <summary>Appends in one transaction; returns once committed, one result per event in order.</summary>
    Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Every event of the account, each repeated name read as its one copy in <paramref name="names"/>:
    /// those its snapshot holds in time order (at, id), then the rest in the order they were appended.
    /// </summary>
    Task<IReadOnlyList<EngagementEvent>> ReadAccountAsync(string account, NamePool names, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a fresh snapshot of the account from <paramref name="events"/>, every event it holds in any
    /// order, when the log holds exactly those and its snapshot lacks enough of them to be worth it.
    /// Says whether it wrote one.
    /// </summary>
    Task<bool> SaveSnapshotAsync(string account, IReadOnlyCollection<EngagementEvent> events, CancellationToken cancellationToken);

    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
