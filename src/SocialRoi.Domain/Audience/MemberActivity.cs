using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Audience;

/// <summary>
/// One member's events ordered by (at, id), and the earliest instant from which each tier was
/// reached (SPEC §2). A tier is the highest one any earlier event reached, and events are never
/// removed, so those instants only move earlier: a tier is then read in constant time instead of
/// re-reading the member's events for every query. The instants live in the account's
/// <see cref="AudienceTable"/>, beside every other member's.
/// </summary>
/// <remarks>
/// Also what the follower count and remembered credits need of the member, kept here rather than in
/// maps of their own: a million-event account has ~200,000 members, and each map held an entry per member.
/// </remarks>
public sealed class MemberActivity
{
    private static readonly IReadOnlyList<EngagementEvent> NoEvents = [];
    private static readonly IReadOnlyList<int> NoConversions = [];

    private readonly List<EngagementEvent> _events = [];
    private readonly AudienceTable _table;
    private readonly int _slot;
    private List<EngagementEvent>? _follows;
    private List<int>? _conversions;

    internal MemberActivity(AudienceTable table, int slot) => (_table, _slot) = (table, slot);

    /// <summary>Where the account's <see cref="AudienceTable"/> keeps this member.</summary>
    internal int Slot => _slot;

    public IReadOnlyList<EngagementEvent> Events => _events;

    /// <summary>The member's follows and unfollows, ordered by (at, id).</summary>
    public IReadOnlyList<EngagementEvent> Follows => _follows ?? NoEvents;

    /// <summary>
    /// The numbers of the conversions the member is one of (SPEC §2): what a touch of theirs makes
    /// the remembered credits forget. Not the member's events: a busy member's touches would each read them all.
    /// </summary>
    public IReadOnlyList<int> Conversions => _conversions ?? NoConversions;

    /// <summary>Adds a follow or unfollow in (at, id) order; its position in <see cref="Follows"/>.</summary>
    internal int AddFollow(EngagementEvent change) => TimeOrder.Insert(_follows ??= [], change);

    internal void AddConversion(int number) => (_conversions ??= []).Add(number);

    /// <summary>Adds one of the member's events in (at, id) order.</summary>
    public void Add(EngagementEvent e)
    {
        var day = FollowerTimeline.StartOfDay(e.At);
        if (!IsActiveIn(new TimeRange(day, day.AddDays(1)))) _table.ActiveOn(_slot, e.At);
        TimeOrder.Insert(_events, e);
    }

    /// <summary>Whether any of the member's events lies in the range.</summary>
    public bool IsActiveIn(TimeRange range)
    {
        if (_events.Count == 0 || _events[^1].At < range.From) return false; // most often so for a new event's day
        var first = TimeOrder.FirstAtOrAfter(_events, range.From);
        return _events[first].At < range.To;
    }

    /// <summary>Notes that the member reaches a tier for every instant after <paramref name="from"/> (an event's at, or an answer's).</summary>
    public void Reached(AudienceTier tier, DateTimeOffset from) => _table.Reach(_slot, tier, from.UtcTicks);

    /// <summary>The tier judged from the events before an instant: the highest one reached strictly before it.</summary>
    public AudienceTier TierAt(DateTimeOffset instant) => _table.TierAt(_slot, instant.UtcTicks);

    /// <summary>The same judged without the member's leads and purchases: what they add is the caller's to judge.</summary>
    public AudienceTier TierWithoutConversionsAt(DateTimeOffset instant) => _table.TierWithoutConversionsAt(_slot, instant.UtcTicks);
}
