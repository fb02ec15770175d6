using System.Diagnostics.Metrics;
using SocialRoi.Domain;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Health;
using SocialRoi.Domain.Reports;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Storage;

namespace SocialRoi.Server.Metrics;

/// <summary>
/// SPEC §10 business gauges (meter "SocialRoi.Accounts"): on every scrape, the busiest accounts'
/// grains are asked for their figures over the trailing window, and the gauges report them.
/// </summary>
public sealed class LiveBoard : IDisposable
{
    public const string MeterName = "SocialRoi.Accounts";

    private readonly Meter _meter = new(MeterName);
    private readonly IAccountCatalog _catalog;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _time;
    private readonly MetricsOptions _options;
    private volatile IReadOnlyList<LiveFigures> _accounts = [];

    public LiveBoard(IAccountCatalog catalog, IGrainFactory grains, TimeProvider time, MetricsOptions options)
    {
        (_catalog, _grains, _time, _options) = (catalog, grains, time, options);
        Gauge("socialroi_audience_members", null, "People active in the window, by audience tier as of now", a =>
            Enum.GetValues<AudienceTier>().Select(tier => Measure(TierCount(a.Audience, tier), a, ("tier", tier.Wire()))));
        Gauge("socialroi_followers", null, "Members following now, by platform", a =>
            a.Followers.Select(p => Measure(p.Value, a, ("platform", p.Key))));
        Gauge("socialroi_vanity_share_ratio", null, "Share of the people active in the window who only liked or followed (0–1)", a =>
            Optional(a.VanityShare, a));
        Gauge("socialroi_revenue", null, "Revenue in the window in the account currency: social (attributed to posts) or direct", a =>
            [Measure((double)a.SocialRevenue, a, ("attribution", "social")), Measure((double)a.DirectRevenue, a, ("attribution", "direct"))]);
        Gauge("socialroi_cost", null, "Costs in the window in the account currency, by category", a =>
            Costs(a.Cost).Select(c => Measure((double)c.Amount, a, ("category", c.Category))));
        Gauge("socialroi_roi_ratio", null, "(attributed revenue × margin − cost) / cost over the window; absent when cost is 0", a =>
            Optional((double?)a.Roi, a));
        Gauge("socialroi_response_rate_ratio", null, "Share of comments, mentions and messages in the window that were answered (0–1)", a =>
            Optional(a.ResponseRate, a));
        Gauge("socialroi_first_response_median_seconds", "s", "Median time to the first answer of inbound events in the window", a =>
            Optional(a.FirstResponseMedianSeconds, a));
        Gauge("socialroi_first_response_p90_seconds", "s", "90th percentile (nearest rank) of the time to the first answer", a =>
            Optional(a.FirstResponseP90Seconds, a));
        Gauge("socialroi_funnel", null, "Funnel over the window by platform: posts, impressions, engagements, conversations, attributed conversions", a =>
            a.Funnel.SelectMany(f => new[]
            {
                Measure(f.Posts, a, ("platform", f.Platform), ("stage", "posts")),
                Measure(f.Impressions, a, ("platform", f.Platform), ("stage", "impressions")),
                Measure(f.Engagements, a, ("platform", f.Platform), ("stage", "engagements")),
                Measure(f.Conversations, a, ("platform", f.Platform), ("stage", "conversations")),
                Measure((double)f.Conversions, a, ("platform", f.Platform), ("stage", "conversions")),
            }));
        Gauge("socialroi_health_check_status", null, "Health check status now: 0 ok, 1 warn, 2 fail (unknown checks are absent)", a =>
            a.Health.Select(c => Measure(c.Value switch { HealthStatus.Fail => 2, HealthStatus.Warn => 1, _ => 0 }, a, ("check", c.Key))));
    }

    /// <summary>Asks the busiest accounts' grains for their figures now; the next collection reports them.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var window = new TimeRange(now - TimeSpan.FromDays(_options.WindowDays), now);
        var busiest = (await _catalog.ListAccountsAsync(cancellationToken))
            .OrderByDescending(a => a.Events).ThenBy(a => a.Account, StringComparer.Ordinal)
            .Take(_options.MaxAccounts);
        var figures = await Task.WhenAll(busiest.Select(a => _grains.GetGrain<IAccountGrain>(a.Account).GetLiveFiguresAsync(window, now)));
        _accounts = figures.OfType<LiveFigures>().ToList();
    }

    private void Gauge(string name, string? unit, string description, Func<LiveFigures, IEnumerable<Measurement<double>>> measure) =>
        _meter.CreateObservableGauge(name, () => _accounts.SelectMany(measure), unit, description);

    private static Measurement<double> Measure(double value, LiveFigures account, params (string Key, string Value)[] labels) =>
        new(value, [new("account", account.Account), .. labels.Select(l => new KeyValuePair<string, object?>(l.Key, l.Value))]);

    private static IEnumerable<Measurement<double>> Optional(double? value, LiveFigures account) =>
        value is { } v ? [Measure(v, account)] : [];

    private static int TierCount(AudienceCounts counts, AudienceTier tier) => tier switch
    {
        AudienceTier.Vanity => counts.Vanity,
        AudienceTier.Engaged => counts.Engaged,
        AudienceTier.Conversational => counts.Conversational,
        AudienceTier.Lead => counts.Lead,
        _ => counts.Customer,
    };

    private static (string Category, decimal Amount)[] Costs(Domain.Analytics.CostByCategory c) =>
        [("ads", c.Ads), ("staff", c.Staff), ("tools", c.Tools), ("agency", c.Agency), ("content", c.Content), ("other", c.Other)];

    public void Dispose() => _meter.Dispose();
}
