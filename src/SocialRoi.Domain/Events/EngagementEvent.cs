using SocialRoi.Domain.Audience;

namespace SocialRoi.Domain.Events;

/// <summary>
/// One accepted event (SPEC §1), normalised: <see cref="At"/> is UTC and the defaults of its
/// type are filled in (count 1, category other, promotional/automated false, owned true),
/// so two submissions that mean the same thing compare equal.
/// </summary>
public sealed record EngagementEvent
{
    public required string Id { get; init; }
    public required string Account { get; init; }
    public required EventType Type { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? Platform { get; init; }
    public string? Actor { get; init; }
    public string? Customer { get; init; }
    public string? Post { get; init; }
    public string? Ref { get; init; }
    public long? Count { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public string? Campaign { get; init; }
    public CostCategory? Category { get; init; }
    public bool? Promotional { get; init; }
    public bool? Automated { get; init; }
    public string? ContentHash { get; init; }
    public double? Sentiment { get; init; }
    public bool? Owned { get; init; }

    /// <summary>The audience member who wrote this event, when it carries one (SPEC §2).</summary>
    public Member? Member => Platform is not null && Actor is not null ? new Member(Platform, Actor) : null;

    /// <summary>SPEC §1: events are ordered by (at, id), ids compared ordinally.</summary>
    public static int CompareByTime(EngagementEvent a, EngagementEvent b)
    {
        var byTime = a.At.UtcTicks.CompareTo(b.At.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    }
}
