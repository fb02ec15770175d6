using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Grains.Interfaces;

/// <summary>One grain per business account: it records the account's events and answers its figures.</summary>
public interface IAccountGrain
{
    /// <summary>Stores the events durably, then applies them; one outcome per event, in order.</summary>
    Task<IReadOnlyList<EventOutcome>> RecordAsync(IReadOnlyList<EngagementEvent> events);

    /// <summary>Settings and event count; null when the account has neither events nor settings.</summary>
    Task<AccountOverview?> GetOverviewAsync();

    /// <summary>The summary over a range; null for an unknown account.</summary>
    Task<AccountSummary?> GetSummaryAsync(TimeRange range, AttributionModel model);
}
