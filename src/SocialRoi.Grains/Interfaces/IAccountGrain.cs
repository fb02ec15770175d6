using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Grains.Interfaces;

/// <summary>
/// One grain per business account: it records the account's events and answers its figures.
/// Reads answer null for an account with neither events nor settings.
/// </summary>
public interface IAccountGrain
{
    /// <summary>Stores the events durably, then applies them; one outcome per event, in order.</summary>
    Task<IReadOnlyList<EventOutcome>> RecordAsync(IReadOnlyList<EngagementEvent> events);

    Task<AccountOverview?> GetOverviewAsync();

    Task<AccountSummary?> GetSummaryAsync(TimeRange range, AttributionModel model);

    Task<IReadOnlyList<FunnelRow>?> GetFunnelAsync(TimeRange range, FunnelDimension by, AttributionModel model);

    Task<IReadOnlyList<RoiRow>?> GetRoiAsync(TimeRange range, RoiInterval interval, AttributionModel model);

    Task<AudiencePage?> GetAudienceAsync(AudienceQuery query);

    Task<IReadOnlyList<GoalStatus>?> GetGoalsAsync();

    /// <summary>Applies and durably stores a settings change (creating the account if new).</summary>
    Task<SettingsOutcome> UpdateSettingsAsync(SettingsChange change);

    /// <summary>Replaces the account's goals, durably.</summary>
    Task ReplaceGoalsAsync(IReadOnlyList<Goal> goals);
}
