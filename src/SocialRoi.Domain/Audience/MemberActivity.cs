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
/// <remarks>
/// An audience count visits every member of the account (~200,000 in a million events), so what it
/// reads is kept in this one object: the tier instants as fields, and the first and last event's
/// time, which settle "active in the range" without reading the events for most members.
/// </remarks>
public sealed class MemberActivity
{
    private static readonly Comparer<EngagementEvent> ByTime = Comparer<EngagementEvent>.Create(EngagementEvent.CompareByTime);

    private readonly List<EngagementEvent> _events = [];
    private long _engagedFrom = long.MaxValue, _conversationalFrom = long.MaxValue, _leadFrom = long.MaxValue, _customerFrom = long.MaxValue;
    private long _firstTicks = long.MaxValue, _lastTicks = long.MinValue;

    public IReadOnlyList<EngagementEvent> Events => _events;

    /// <summary>Adds one of the member's events in (at, id) order.</summary>
    public void Add(EngagementEvent e)
    {
        if (_events.Count == 0 || EngagementEvent.CompareByTime(_events[^1], e) < 0) _events.Add(e);
        else
        {
            var at = _events.BinarySearch(e, ByTime);
            _events.Insert(at < 0 ? ~at : at, e);
        }
        _firstTicks = Math.Min(_firstTicks, e.At.UtcTicks);
        _lastTicks = Math.Max(_lastTicks, e.At.UtcTicks);
    }

    /// <summary>Whether any of the member's events lies in the range.</summary>
    public bool IsActiveIn(TimeRange range)
    {
        long from = range.From.UtcTicks, to = range.To.UtcTicks;
        if (_lastTicks < from || _firstTicks >= to) return false;
        if (_firstTicks >= from || _lastTicks < to) return true; // the first or the last event is in the range
        return HistoryIndex.AnyInRange(_events, range); // events on both sides of the range: look between
    }

    /// <summary>Notes that the member reaches a tier for every instant after <paramref name="from"/> (an event's at, or an answer's).</summary>
    public void Reached(AudienceTier tier, DateTimeOffset from)
    {
        ref var earliest = ref ReachedFrom(tier);
        earliest = Math.Min(earliest, from.UtcTicks);
    }

    /// <summary>The tier judged from the events before an instant: the highest one reached strictly before it.</summary>
    public AudienceTier TierAt(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        if (_customerFrom < ticks) return AudienceTier.Customer;
        if (_leadFrom < ticks) return AudienceTier.Lead;
        if (_conversationalFrom < ticks) return AudienceTier.Conversational;
        if (_engagedFrom < ticks) return AudienceTier.Engaged;
        return AudienceTier.Vanity;
    }

    private ref long ReachedFrom(AudienceTier tier)
    {
        switch (tier)
        {
            case AudienceTier.Engaged: return ref _engagedFrom;
            case AudienceTier.Conversational: return ref _conversationalFrom;
            case AudienceTier.Lead: return ref _leadFrom;
            case AudienceTier.Customer: return ref _customerFrom;
            default: throw new ArgumentOutOfRangeException(nameof(tier), tier, "vanity is where every member starts, not a tier reached");
        }
    }
}
