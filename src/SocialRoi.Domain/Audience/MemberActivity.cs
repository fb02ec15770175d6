using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Audience;

/// <summary>
/// One member's events ordered by (at, id), and the earliest instant from which each tier was
/// reached (SPEC §2). A tier is the highest one any earlier event reached, and events are never
/// removed, so those instants only move earlier: a tier is then read in constant time instead of
/// re-reading the member's events for every query.
/// </summary>
public sealed class MemberActivity
{
    private readonly long[] _reachedFrom = [long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue];

    public List<EngagementEvent> Events { get; } = [];

    /// <summary>Whether any of the member's events lies in the range.</summary>
    public bool IsActiveIn(TimeRange range) => HistoryIndex.AnyInRange(Events, range);

    /// <summary>Notes that the member reaches a tier for every instant after <paramref name="from"/> (an event's at, or an answer's).</summary>
    public void Reached(AudienceTier tier, DateTimeOffset from)
    {
        ref var earliest = ref _reachedFrom[(int)tier];
        earliest = Math.Min(earliest, from.UtcTicks);
    }

    /// <summary>The tier judged from the events before an instant: the highest one reached strictly before it.</summary>
    public AudienceTier TierAt(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        for (var tier = AudienceTier.Customer; tier > AudienceTier.Vanity; tier--)
        {
            if (_reachedFrom[(int)tier] < ticks) return tier;
        }
        return AudienceTier.Vanity;
    }
}
