using System.Numerics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Audience;

/// <summary>
/// Every member's activity and what an audience count reads of them: which members had events on
/// each day, and, side by side in one array, when each member reached each tier. A count unites
/// the range's days into one bit per member and classifies the members marked, reading contiguous
/// memory rather than one object per member scattered over the heap (~200,000 in a million events).
/// Each member's lists of events, follows and conversions are a row of their own, by slot.
/// </summary>
public sealed class AudienceTable
{
    private readonly MemberSlots _slots = new();
    private TierTimes[] _tiers = new TierTimes[64];
    private MemberRow[] _rows = new MemberRow[64];
    private Member[] _members = new Member[64]; // by slot
    // The slots of the members with events on each UTC day, by day number. Most members of a busy
    // account have events both before and after a quarter; searching each one's events for one in
    // it was a third of a summary's time (a million events, a quarter: the count took 6 ms, now 1).
    private readonly Dictionary<long, List<int>> _membersByDay = [];

    /// <summary>The member's activity, a new one with no events yet for a member not met before.</summary>
    public MemberActivity For(Member member)
    {
        var slot = _slots.Find(member, _members);
        if (slot >= 0) return new MemberActivity(this, slot);
        slot = MemberCount;
        if (slot == _tiers.Length) SizeSlots(slot * 2);
        _tiers[slot] = TierTimes.None;
        _members[slot] = member;
        _slots.Add(member, _members);
        return new MemberActivity(this, slot);
    }

    /// <summary>
    /// Sizes the arrays kept per member to the members met so far. An activation meets every member
    /// of its log at once; grown by doubling, the arrays kept up to half of their places empty.
    /// </summary>
    public void FitToMembers() => SizeSlots(Math.Max(1, MemberCount));

    // The arrays kept by slot: one length for all three.
    private void SizeSlots(int length)
    {
        Array.Resize(ref _tiers, length);
        Array.Resize(ref _rows, length);
        Array.Resize(ref _members, length);
    }

    /// <summary>The member's activity, if it has any.</summary>
    public MemberActivity? Find(Member member) => _slots.Find(member, _members) is var slot and >= 0 ? new MemberActivity(this, slot) : null;

    /// <summary>Every member met, in the order they were met.</summary>
    public IEnumerable<Member> Members => _members.Take(MemberCount);

    internal int MemberCount => _slots.Count;

    internal MemberActivity ActivityAt(int slot) => new(this, slot);

    internal Member MemberAt(int slot) => _members[slot];

    internal ref MemberRow RowAt(int slot) => ref _rows[slot];

    /// <summary>The member in this slot has its first event of a day.</summary>
    internal void ActiveOn(int slot, DateTimeOffset instant)
    {
        var day = instant.UtcTicks / TimeSpan.TicksPerDay;
        if (!_membersByDay.TryGetValue(day, out var members)) _membersByDay[day] = members = [];
        members.Add(slot);
    }

    internal void Reach(int slot, AudienceTier tier, long from) => _tiers[slot].Reach(tier, from);

    internal AudienceTier TierAt(int slot, long ticks) => _tiers[slot].TierAt(ticks);

    internal AudienceTier TierWithoutConversionsAt(int slot, long ticks) =>
        (_tiers[slot] with { LeadFrom = long.MaxValue, CustomerFrom = long.MaxValue }).TierAt(ticks);

    /// <summary>SPEC §3: members with an event in the range, each classified as of the range's end.</summary>
    public AudienceCounts Count(TimeRange range)
    {
        var tiers = new int[Enum.GetValues<AudienceTier>().Length];
        var to = range.To.UtcTicks;
        var active = Active(range);
        for (var word = 0; word < active.Length; word++)
        {
            for (var bits = active[word]; bits != 0; bits &= bits - 1)
                tiers[(int)_tiers[word * 64 + BitOperations.TrailingZeroCount(bits)].TierAt(to)]++;
        }
        return new AudienceCounts(tiers.Sum(), tiers[(int)AudienceTier.Vanity], tiers[(int)AudienceTier.Engaged],
            tiers[(int)AudienceTier.Conversational], tiers[(int)AudienceTier.Lead], tiers[(int)AudienceTier.Customer]);
    }

    /// <summary>SPEC §3: the members with an event in the range.</summary>
    public IEnumerable<Member> ActiveIn(TimeRange range)
    {
        var active = Active(range);
        for (var word = 0; word < active.Length; word++)
        {
            for (var bits = active[word]; bits != 0; bits &= bits - 1)
                yield return _members[word * 64 + BitOperations.TrailingZeroCount(bits)];
        }
    }

    // One bit per member, by slot: set for the members with an event in the range.
    private ulong[] Active(TimeRange range)
    {
        var active = new ulong[(MemberCount + 63) / 64];
        long from = range.From.UtcTicks, to = range.To.UtcTicks;
        for (var day = from / TimeSpan.TicksPerDay; day * TimeSpan.TicksPerDay < to; day++)
        {
            if (!_membersByDay.TryGetValue(day, out var members)) continue;
            // A day the range cuts holds members whose events that day all lie outside it.
            var whole = day * TimeSpan.TicksPerDay >= from && (day + 1) * TimeSpan.TicksPerDay <= to;
            foreach (var slot in members)
            {
                if (whole || ActivityAt(slot).IsActiveIn(range)) active[slot >> 6] |= 1UL << slot;
            }
        }
        return active;
    }
}

/// <summary>One member's lists, each ordered by (at, id) but the conversions, kept in the order they were indexed.</summary>
internal struct MemberRow
{
    public ShortList<EngagementEvent> Events, Follows;
    public ShortList<int> Conversions;
}

/// <summary>From when, in ticks, one member reached each tier.</summary>
internal struct TierTimes
{
    public long EngagedFrom, ConversationalFrom, LeadFrom, CustomerFrom;

    public static readonly TierTimes None = new()
    {
        EngagedFrom = long.MaxValue, ConversationalFrom = long.MaxValue, LeadFrom = long.MaxValue, CustomerFrom = long.MaxValue,
    };

    /// <summary>The highest tier reached strictly before an instant.</summary>
    public readonly AudienceTier TierAt(long ticks) =>
        CustomerFrom < ticks ? AudienceTier.Customer
        : LeadFrom < ticks ? AudienceTier.Lead
        : ConversationalFrom < ticks ? AudienceTier.Conversational
        : EngagedFrom < ticks ? AudienceTier.Engaged
        : AudienceTier.Vanity;

    /// <summary>The tier is reached from this instant on, if not from an earlier one already.</summary>
    public void Reach(AudienceTier tier, long from)
    {
        switch (tier)
        {
            case AudienceTier.Engaged: EngagedFrom = Math.Min(EngagedFrom, from); break;
            case AudienceTier.Conversational: ConversationalFrom = Math.Min(ConversationalFrom, from); break;
            case AudienceTier.Lead: LeadFrom = Math.Min(LeadFrom, from); break;
            case AudienceTier.Customer: CustomerFrom = Math.Min(CustomerFrom, from); break;
            default: throw new ArgumentOutOfRangeException(nameof(tier), tier, "vanity is where every member starts, not a tier reached");
        }
    }
}
