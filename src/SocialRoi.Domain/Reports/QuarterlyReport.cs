using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Health;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Reports;

/// <summary>A headline figure this quarter and the one before; change = current − previous (null when either is).</summary>
public sealed record Kpi(string Name, decimal? Current, decimal? Previous, decimal? Change);

public sealed record PlatformRevenue(string Platform, decimal AttributedRevenue);

/// <summary>How the figures were made, so an executive can trust and compare them.</summary>
public sealed record Methodology(string Model, int LookbackDays, double HalfLifeDays, decimal Margin, string Currency, string CostBasis);

/// <summary>SPEC §9: the quarterly executive pack, figures only (HTML, JSON and CSV render the same record).</summary>
public sealed record QuarterlyReport(
    string Account,
    string? DisplayName,
    string Quarter,
    string PreviousQuarter,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<Kpi> Kpis,
    CostByCategory CostByCategory,
    IReadOnlyList<PlatformRevenue> AttributedRevenueByPlatform,
    IReadOnlyList<FunnelRow> TopPosts,
    IReadOnlyList<FunnelRow> Funnel,
    AudienceCounts Audience,
    DateTimeOffset HealthAsOf,
    IReadOnlyList<HealthCheck> Health,
    IReadOnlyList<GoalStatus> Goals,
    Methodology Methodology)
{
    public const int TopPostCount = 10;
    private const AttributionModel Model = AttributionModel.LastTouch; // SPEC §7 default model

    /// <summary>The headline KPIs of SPEC §9, in the order the pack shows them.</summary>
    public static readonly IReadOnlyList<string> KpiNames =
        ["cost", "attributedRevenue", "roi", "newCustomers", "cac", "realAudience", "vanityShare", "responseRate"];

    public static QuarterlyReport Build(
        string account, AccountHistory history, AccountSettings settings, IReadOnlyList<Goal> goals, Quarter quarter, DateTimeOffset now)
    {
        var index = history.Index;
        var current = AccountSummary.Compute(account, history, settings, quarter.Range, Model);
        var previous = AccountSummary.Compute(account, history, settings, quarter.Previous.Range, Model);
        var attribution = new Attribution(index, settings, Model);
        var byPlatform = Analytics.Funnel.Compute(index, attribution, settings, quarter.Range, FunnelDimension.Platform);
        var byPost = Analytics.Funnel.Compute(index, attribution, settings, quarter.Range, FunnelDimension.Post);
        var money = RoiPeriods.Compute(index, attribution, settings, quarter.Range, RoiInterval.Quarter).Single();
        // Health as at the quarter's end, or now while the quarter runs.
        var healthAsOf = quarter.End < now ? quarter.End : now;

        return new QuarterlyReport(
            account, settings.DisplayName, quarter.ToString(), quarter.Previous.ToString(), quarter.Start, quarter.End,
            KpiNames.Select(name => Headline(name, current, previous)).ToList(),
            money.CostByCategory,
            byPlatform.Select(row => new PlatformRevenue(row.Key, row.AttributedRevenue)).ToList(),
            byPost.Where(row => row.AttributedRevenue != 0)
                .OrderByDescending(row => row.AttributedRevenue).ThenBy(row => row.Key, Utf8Order.Comparer)
                .Take(TopPostCount).ToList(),
            byPlatform,
            current.Audience,
            healthAsOf,
            HealthChecks.Evaluate(index, goals, healthAsOf),
            GoalProgress.Measure(account, history, settings, goals),
            new Methodology(Model.Wire(), settings.LookbackDays, settings.HalfLifeDays, settings.Margin, settings.Currency,
                "every cost event of the quarter, all six categories (ads, staff, tools, agency, content, other), as recorded"));
    }

    private static Kpi Headline(string name, AccountSummary current, AccountSummary previous)
    {
        var now = Figure(name, current);
        var before = Figure(name, previous);
        return new Kpi(name, now, before, now is { } a && before is { } b ? a - b : null);
    }

    private static decimal? Figure(string name, AccountSummary summary) => name switch
    {
        "cost" => summary.Cost,
        "attributedRevenue" => summary.AttributedRevenue,
        "roi" => summary.Roi,
        "newCustomers" => summary.NewCustomers,
        "cac" => summary.Cac,
        "realAudience" => summary.Audience.Conversational + summary.Audience.Lead + summary.Audience.Customer,
        "vanityShare" => (decimal?)summary.VanityShare,
        "responseRate" => (decimal?)summary.ResponseRate,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a headline KPI"),
    };
}
