using SocialRoi.Domain.Analytics;

namespace SocialRoi.Domain.Accounts;

/// <summary>SPEC §6: a target for one summary figure over a range.</summary>
public sealed record Goal(string Id, string Metric, string Op, decimal Target, DateTimeOffset From, DateTimeOffset To);

/// <summary>A goal with its figure now: <c>current</c> over the goal's own range, and whether it is met.</summary>
public sealed record GoalStatus(string Id, string Metric, string Op, decimal Target, DateTimeOffset From, DateTimeOffset To, double? Current, bool Met)
{
    /// <summary>Met is false when the figure is null (e.g. no cost, so no roi).</summary>
    public static GoalStatus Of(Goal goal, AccountSummary summary)
    {
        var current = SummaryMetrics.Value(summary, goal.Metric);
        var target = (double)goal.Target;
        var met = current is { } value && (goal.Op == ">=" ? value >= target : value <= target);
        return new GoalStatus(goal.Id, goal.Metric, goal.Op, goal.Target, goal.From, goal.To, current, met);
    }
}

/// <summary>The numeric figures of the summary by name, nested ones with a dot (audience.customer).</summary>
public static class SummaryMetrics
{
    private static readonly Dictionary<string, Func<AccountSummary, double?>> Figures = new(StringComparer.Ordinal)
    {
        ["posts"] = s => s.Posts,
        ["impressions"] = s => s.Impressions,
        ["likes"] = s => s.Likes,
        ["follows"] = s => s.Follows,
        ["unfollows"] = s => s.Unfollows,
        ["followers"] = s => s.Followers,
        ["comments"] = s => s.Comments,
        ["shares"] = s => s.Shares,
        ["mentions"] = s => s.Mentions,
        ["messages"] = s => s.Messages,
        ["clicks"] = s => s.Clicks,
        ["replies"] = s => s.Replies,
        ["leads"] = s => s.Leads,
        ["purchases"] = s => s.Purchases,
        ["revenue"] = s => (double)s.Revenue,
        ["attributedRevenue"] = s => (double)s.AttributedRevenue,
        ["directRevenue"] = s => (double)s.DirectRevenue,
        ["cost"] = s => (double)s.Cost,
        ["roi"] = s => (double?)s.Roi,
        ["newCustomers"] = s => s.NewCustomers,
        ["cac"] = s => (double?)s.Cac,
        ["audience.total"] = s => s.Audience.Total,
        ["audience.vanity"] = s => s.Audience.Vanity,
        ["audience.engaged"] = s => s.Audience.Engaged,
        ["audience.conversational"] = s => s.Audience.Conversational,
        ["audience.lead"] = s => s.Audience.Lead,
        ["audience.customer"] = s => s.Audience.Customer,
        ["vanityShare"] = s => s.VanityShare,
        ["responseRate"] = s => s.ResponseRate,
        ["medianResponseMinutes"] = s => s.MedianResponseMinutes,
        ["p90ResponseMinutes"] = s => s.P90ResponseMinutes,
        ["conversations"] = s => s.Conversations,
        ["automatedShare"] = s => s.AutomatedShare,
        ["promotionalShare"] = s => s.PromotionalShare,
    };

    public static IEnumerable<string> Names => Figures.Keys;

    public static bool Exists(string metric) => Figures.ContainsKey(metric);

    public static double? Value(AccountSummary summary, string metric) => Figures[metric](summary);
}
