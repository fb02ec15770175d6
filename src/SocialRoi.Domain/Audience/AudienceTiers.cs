using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Audience;

/// <summary>How many members a range counts in each tier (SPEC §2, §3).</summary>
public sealed record AudienceCounts(int Total, int Vanity, int Engaged, int Conversational, int Lead, int Customer);

/// <summary>SPEC §2: a member's tier and following state, judged from its events before an instant.</summary>
public static class AudienceTiers
{
    public static AudienceTier TierAt(HistoryIndex index, Member member, DateTimeOffset instant) =>
        index.ActivityOf(member)?.TierAt(instant) ?? AudienceTier.Vanity;

    /// <summary>
    /// The tier an event reaches by itself once it is before t: purchase customer, lead lead, any
    /// engagement engaged. An inbound event also reaches conversational once its answer is before t.
    /// </summary>
    public static AudienceTier? TierReachedBy(EventType type) => type switch
    {
        EventType.Purchase => AudienceTier.Customer,
        EventType.Lead => AudienceTier.Lead,
        _ when type.IsEngagement() => AudienceTier.Engaged,
        _ => null,
    };

    /// <summary>Following at t: the latest follow/unfollow before t is a follow; ties go to the larger id.</summary>
    public static bool IsFollowing(HistoryIndex index, Member member, DateTimeOffset instant) =>
        IsFollowing(index.FollowsOf(member).Span, instant);

    // The list is ordered by (at, id), so the last one before t is the latest, a tie won by the larger id.
    private static bool IsFollowing(ReadOnlySpan<EngagementEvent> follows, DateTimeOffset instant) =>
        TimeOrder.LastBefore(follows, instant)?.Type == EventType.Follow;

    /// <summary>SPEC §3: members with an event in the range, each classified as of the range's end.</summary>
    public static AudienceCounts Count(HistoryIndex index, TimeRange range) => index.Audience.Count(range);

    /// <summary>Vanity members / all members; null when there are none.</summary>
    public static double? VanityShare(this AudienceCounts counts) => counts.Total == 0 ? null : (double)counts.Vanity / counts.Total;

    public static IEnumerable<Member> ActiveMembers(HistoryIndex index, TimeRange range) => index.Audience.ActiveIn(range);

    public static int Followers(HistoryIndex index, DateTimeOffset instant) => index.FollowersAt(instant);

    /// <summary>
    /// Followers at an instant, per platform that had a follow or unfollow before it. A platform whose
    /// followers have all left counts 0, so a board shows the fall to zero rather than losing the line;
    /// a platform never followed has no entry.
    /// </summary>
    public static IReadOnlyDictionary<string, int> FollowersByPlatform(HistoryIndex index, DateTimeOffset instant) =>
        index.FollowHistories.Where(history => history.Events.Span[0].At < instant)
            .GroupBy(history => history.Member.Platform, StringComparer.Ordinal)
            .ToDictionary(platform => platform.Key, platform => platform.Count(history => IsFollowing(history.Events.Span, instant)),
                StringComparer.Ordinal);
}
