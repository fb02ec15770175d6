using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Health;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Reports;

/// <summary>One platform's funnel stages over the live window (SPEC §10 socialroi_funnel).</summary>
public sealed record FunnelStages(string Platform, int Posts, long Impressions, int Engagements, int Conversations, decimal Conversions);

/// <summary>
/// SPEC §10: an account's figures for the live boards, over a trailing window ending now: what the
/// Prometheus gauges show. Health is judged as of now, over its own 90 days.
/// </summary>
public sealed record LiveFigures(
    string Account,
    AudienceCounts Audience,
    IReadOnlyDictionary<string, int> Followers,
    double? VanityShare,
    decimal SocialRevenue,
    decimal DirectRevenue,
    CostByCategory Cost,
    decimal? Roi,
    double? ResponseRate,
    double? FirstResponseMedianSeconds,
    double? FirstResponseP90Seconds,
    IReadOnlyList<FunnelStages> Funnel,
    IReadOnlyDictionary<string, HealthStatus> Health)
{
    public static LiveFigures Measure(
        string account, AccountHistory history, AccountSettings settings, IReadOnlyList<Goal> goals, TimeRange window, DateTimeOffset now)
    {
        var index = history.Index;
        var attribution = new Attribution(index, settings, AttributionModel.LastTouch);
        var audience = AudienceTiers.Count(index, window);
        var responses = ResponseTimes.Measure(index, window);
        var money = MoneyFigures.Measure(index, attribution, settings, window);
        var funnel = Analytics.Funnel.Compute(index, attribution, settings, window, FunnelDimension.Platform);
        var health = HealthChecks.Evaluate(index, goals, now);
        return new LiveFigures(
            account, audience, AudienceTiers.FollowersByPlatform(index, window.To), audience.VanityShare(),
            money.AttributedRevenue, money.DirectRevenue, CostByCategory.From(money.CostByCategory), money.Roi,
            responses.ResponseRate, responses.MedianResponseMinutes * 60, responses.P90ResponseMinutes * 60,
            funnel.Select(row => new FunnelStages(row.Key, row.Posts, row.Impressions, row.Engagements, row.Conversations, row.AttributedConversions)).ToList(),
            health.Where(c => c.Status != "unknown")
                .ToDictionary(c => c.Id, c => WireNames<HealthStatus>.TryParse(c.Status, out var status) ? status : HealthStatus.Unknown, StringComparer.Ordinal));
    }
}
