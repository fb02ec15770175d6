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
/// A view of the member's row in the account's <see cref="AudienceTable"/>, which keeps every member's
/// lists and tier instants side by side: a million-event account has ~200,000 members, and an object
/// per member, with a list object per member for its events, held ~20 bytes per event of the account.
/// </remarks>
public readonly struct MemberActivity
{
    private readonly AudienceTable _table;
    private readonly int _slot;

    internal MemberActivity(AudienceTable table, int slot) => (_table, _slot) = (table, slot);

    /// <summary>Where the account's <see cref="AudienceTable"/> keeps this member.</summary>
    internal int Slot => _slot;

    public ReadOnlyMemory<EngagementEvent> Events => _table.RowAt(_slot).Events.Items;

    /// <summary>The member's follows and unfollows, ordered by (at, id).</summary>
    public ReadOnlyMemory<EngagementEvent> Follows => _table.RowAt(_slot).Follows.Items;

    /// <summary>
    /// The numbers of the conversions the member is one of (SPEC §2): what a touch of theirs makes
    /// the remembered credits forget. Not the member's events: a busy member's touches would each read them all.
    /// </summary>
    public ReadOnlyMemory<int> Conversions => _table.RowAt(_slot).Conversions.Items;

    /// <summary>Adds a follow or unfollow in (at, id) order; its position in <see cref="Follows"/>.</summary>
    internal int AddFollow(EngagementEvent change) => InTimeOrder(ref _table.RowAt(_slot).Follows, change);

    internal void AddConversion(int number)
    {
        ref var conversions = ref _table.RowAt(_slot).Conversions;
        conversions.Insert(conversions.Count, number);
    }

    /// <summary>Makes room for this many more events at once, when an activation knows how many are coming.</summary>
    internal void ExpectEvents(int more) => _table.RowAt(_slot).Events.MakeRoom(more);

    /// <summary>Adds one of the member's events in (at, id) order.</summary>
    internal void Add(EngagementEvent e)
    {
        var day = FollowerTimeline.StartOfDay(e.At);
        if (!IsActiveIn(new TimeRange(day, day.AddDays(1)))) _table.ActiveOn(_slot, e.At);
        InTimeOrder(ref _table.RowAt(_slot).Events, e);
    }

    /// <summary>Whether any of the member's events lies in the range.</summary>
    public bool IsActiveIn(TimeRange range)
    {
        var events = Events.Span;
        if (events.IsEmpty || events[^1].At < range.From) return false; // most often so for a new event's day
        var first = TimeOrder.FirstAtOrAfter(events, range.From);
        return events[first].At < range.To;
    }

    /// <summary>Notes that the member reaches a tier for every instant after <paramref name="from"/> (an event's at, or an answer's).</summary>
    public void Reached(AudienceTier tier, DateTimeOffset from) => _table.Reach(_slot, tier, from.UtcTicks);

    /// <summary>The tier judged from the events before an instant: the highest one reached strictly before it.</summary>
    public AudienceTier TierAt(DateTimeOffset instant) => _table.TierAt(_slot, instant.UtcTicks);

    /// <summary>The same judged without the member's leads and purchases: what they add is the caller's to judge.</summary>
    public AudienceTier TierWithoutConversionsAt(DateTimeOffset instant) => _table.TierWithoutConversionsAt(_slot, instant.UtcTicks);

    private static int InTimeOrder(ref ShortList<EngagementEvent> events, EngagementEvent e)
    {
        var at = TimeOrder.PlaceFor(events.Items.Span, e);
        events.Insert(at, e);
        return at;
    }
}
