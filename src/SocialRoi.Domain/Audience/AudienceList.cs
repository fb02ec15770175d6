using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Audience;

/// <summary>SPEC §7: one audience member as GET …/audience lists it.</summary>
public sealed record AudienceMember(
    string Platform, string Actor, string Tier, bool Following, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string? Customer);

/// <summary>A page of members and the cursor of the next page (null on the last).</summary>
public sealed record AudiencePage(IReadOnlyList<AudienceMember> Items, string? Next);

/// <summary>Which members to list: tier and platform filters, page size, and the cursor to continue after.</summary>
public sealed record AudienceQuery(TimeRange Range, AudienceTier? Tier, string? Platform, int Limit, Member? After)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

public static class AudienceList
{
    /// <summary>The cursor names the last member of a page; platforms cannot contain ':', so it splits unambiguously.</summary>
    public static string Cursor(Member member) => $"{member.Platform}:{member.Actor}";

    public static Member? ParseCursor(string cursor)
    {
        var colon = cursor.IndexOf(':');
        return colon > 0 && colon < cursor.Length - 1 ? new Member(cursor[..colon], cursor[(colon + 1)..]) : null;
    }

    /// <summary>
    /// Members active in the range (SPEC §3), ordered by (platform, actor), each described as of the
    /// range's end: tier, following, first and last event before it, and the customer id it is linked to.
    /// </summary>
    public static AudiencePage Page(HistoryIndex index, AudienceQuery query)
    {
        var to = query.Range.To;
        var members = AudienceTiers.ActiveMembers(index, query.Range)
            .Where(m => query.Platform is null || m.Platform == query.Platform)
            .Where(m => query.After is not { } after || m.CompareTo(after) > 0)
            .Order();
        var items = new List<AudienceMember>();
        Member? last = null;
        foreach (var member in members)
        {
            var tier = AudienceTiers.TierAt(index, member, to);
            if (query.Tier is { } wanted && tier != wanted) continue;
            if (items.Count == query.Limit) return new AudiencePage(items, Cursor(last!.Value));
            var events = index.EventsOf(member).Span;
            var seen = events[..TimeOrder.FirstAtOrAfter(events, to)];
            items.Add(new AudienceMember(member.Platform, member.Actor, tier.Wire(), AudienceTiers.IsFollowing(index, member, to),
                seen[0].At, seen[^1].At, index.CustomersOf(member).FirstOrDefault()));
            last = member;
        }
        return new AudiencePage(items, null);
    }
}
