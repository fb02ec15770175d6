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

    /// <summary>Every event of the account, in the order it was appended, each repeated name read as its one copy in <paramref name="names"/>.</summary>
    Task<IReadOnlyList<EngagementEvent>> ReadAccountAsync(string account, NamePool names, CancellationToken cancellationToken);

    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
