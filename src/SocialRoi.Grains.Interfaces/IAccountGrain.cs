using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Health;
using SocialRoi.Domain.Reports;
using SocialRoi.Domain.Time;

namespace SocialRoi.Grains.Interfaces;

/// <summary>
/// One grain per business account, keyed by the account id (SPEC §12): the only writer of the
/// account's events, answering its figures from memory. Reads answer null for an account with
/// neither events nor settings.
/// </summary>
[Alias("socialroi.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Stores the events durably, then applies them; one outcome per event, in order.</summary>
    [Alias("Record")]
    Task<IReadOnlyList<EventOutcome>> RecordAsync(EventBatch batch);

    [Alias("GetOverview")]
    Task<AccountOverview?> GetOverviewAsync();

    [Alias("GetSummary")]
    Task<AccountSummary?> GetSummaryAsync(TimeRange range, AttributionModel model);

    [Alias("GetFunnel")]
    Task<IReadOnlyList<FunnelRow>?> GetFunnelAsync(TimeRange range, FunnelDimension by, AttributionModel model);

    [Alias("GetRoi")]
    Task<IReadOnlyList<RoiRow>?> GetRoiAsync(TimeRange range, RoiInterval interval, AttributionModel model);

    [Alias("GetAudience")]
    Task<AudiencePage?> GetAudienceAsync(AudienceQuery query);

    [Alias("GetGoals")]
    Task<IReadOnlyList<GoalStatus>?> GetGoalsAsync();

    /// <summary>SPEC §8: every health check over the 90 days before asOf, seeing only events before it.</summary>
    [Alias("GetHealth")]
    Task<IReadOnlyList<HealthCheck>?> GetHealthAsync(DateTimeOffset asOf);

    /// <summary>SPEC §10: the figures the live boards show, over a trailing window ending now.</summary>
    [Alias("GetLiveFigures")]
    Task<LiveFigures?> GetLiveFiguresAsync(TimeRange window, DateTimeOffset now);

    /// <summary>SPEC §9: the quarterly executive pack; now decides whether the quarter is still running.</summary>
    [Alias("GetQuarterlyReport")]
    Task<QuarterlyReport?> GetQuarterlyReportAsync(Quarter quarter, DateTimeOffset now);

    /// <summary>Applies and durably stores a settings change (creating the account if new).</summary>
    [Alias("UpdateSettings")]
    Task<SettingsOutcome> UpdateSettingsAsync(SettingsChange change);

    /// <summary>Replaces the account's goals, durably.</summary>
    [Alias("ReplaceGoals")]
    Task ReplaceGoalsAsync(IReadOnlyList<Goal> goals);
}
