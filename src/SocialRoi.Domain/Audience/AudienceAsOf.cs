using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Audience;

/// <summary>
/// SPEC §3 audience counts of a range as they stood at its end, read from the index of every event
/// (a health check as of a past instant, SPEC §8). The index holds links as timeless (SPEC §2), so
/// a member linked to a customer only by an identify at or after the range's end already shares
/// that customer's leads and purchases there; at the range's end the link did not exist yet. Those
/// few members are counted again without them, from their own events. Health as of a past instant
/// once built a second index of the events before it for this: 0.3–1.1 s, and half as much memory
/// again, for a million events.
/// </summary>
public static class AudienceAsOf
{
    public static AudienceCounts Count(HistoryIndex index, TimeRange range)
    {
        var counts = index.Audience.Count(range);
        var lateLinks = LinkedOnlyFrom(index, range.To);
        if (lateLinks.Count == 0) return counts;
        int[] tiers = [counts.Vanity, counts.Engaged, counts.Conversational, counts.Lead, counts.Customer];
        var total = counts.Total;
        foreach (var (member, customers) in lateLinks)
        {
            if (index.ActivityOf(member) is not { } activity) continue;
            if (activity.IsActiveIn(range))
            {
                total--;
                tiers[(int)activity.TierAt(range.To)]--;
            }
            if (TierWithout(customers, member, activity, range) is { } tier)
            {
                total++;
                tiers[(int)tier]++;
            }
        }
        return new AudienceCounts(total, tiers[0], tiers[1], tiers[2], tiers[3], tiers[4]);
    }

    /// <summary>
    /// The member's tier at the range's end, leaving out the leads and purchases it shares only
    /// through these customers; null when none of the events left lies in the range.
    /// </summary>
    private static AudienceTier? TierWithout(IReadOnlySet<string> customers, Member member, MemberActivity activity, TimeRange range)
    {
        var active = false;
        var tier = activity.TierWithoutConversionsAt(range.To);
        foreach (var e in activity.Events.Span)
        {
            if (e.Type.IsConversion() && e.Member != member && customers.Contains(e.Customer!)) continue;
            active |= range.Contains(e.At);
            if (e.Type.IsConversion() && e.At < range.To && AudienceTiers.TierReachedBy(e.Type) is { } reached && reached > tier) tier = reached;
        }
        return active ? tier : null;
    }

    // The members an identify links to a customer at or after the instant and none before it, with those
    // customers; only customers with a lead or purchase before the instant, the rest change no count.
    private static Dictionary<Member, HashSet<string>> LinkedOnlyFrom(HistoryIndex index, DateTimeOffset instant)
    {
        var late = new Dictionary<Member, HashSet<string>>();
        foreach (var identify in index.InRange(new TimeRange(instant, DateTimeOffset.MaxValue), EventType.Identify))
        {
            if (index.ConversionsOf(identify.Customer!) is not [var first, ..] || first.At >= instant) continue;
            var member = identify.Member!.Value;
            if (!late.TryGetValue(member, out var customers)) late[member] = customers = new HashSet<string>(StringComparer.Ordinal);
            customers.Add(identify.Customer!);
        }
        if (late.Count == 0) return late; // the usual case for "now": nothing is linked later
        foreach (var identify in index.InRange(new TimeRange(DateTimeOffset.MinValue, instant), EventType.Identify))
        {
            if (late.TryGetValue(identify.Member!.Value, out var customers)) customers.Remove(identify.Customer!);
        }
        foreach (var (member, customers) in late)
        {
            if (customers.Count == 0) late.Remove(member);
        }
        return late;
    }
}
