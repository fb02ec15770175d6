using SocialRoi.Domain.Persistence;
using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Hosting;
using SocialRoi.Grains.Interfaces;

namespace SocialRoi.Grains.Accounts;

/// <summary>
/// What Orleans would generate: a reference that routes each IAccountGrain call into the
/// account's activation mailbox.
/// </summary>
public sealed class AccountGrainReference(GrainHost<AccountGrain> host, string account) : IAccountGrain
{
    public Task<IReadOnlyList<EventOutcome>> RecordAsync(IReadOnlyList<EngagementEvent> events) =>
        host.InvokeAsync(account, nameof(RecordAsync), grain => grain.RecordAsync(events));

    public Task<AccountOverview?> GetOverviewAsync() =>
        host.InvokeAsync(account, nameof(GetOverviewAsync), grain => grain.GetOverviewAsync());

    public Task<AccountSummary?> GetSummaryAsync(TimeRange range, AttributionModel model) =>
        host.InvokeAsync(account, nameof(GetSummaryAsync), grain => grain.GetSummaryAsync(range, model));

    public Task<IReadOnlyList<FunnelRow>?> GetFunnelAsync(TimeRange range, FunnelDimension by, AttributionModel model) =>
        host.InvokeAsync(account, nameof(GetFunnelAsync), grain => grain.GetFunnelAsync(range, by, model));

    public Task<IReadOnlyList<RoiRow>?> GetRoiAsync(TimeRange range, RoiInterval interval, AttributionModel model) =>
        host.InvokeAsync(account, nameof(GetRoiAsync), grain => grain.GetRoiAsync(range, interval, model));

    public Task<AudiencePage?> GetAudienceAsync(AudienceQuery query) =>
        host.InvokeAsync(account, nameof(GetAudienceAsync), grain => grain.GetAudienceAsync(query));

    public Task<IReadOnlyList<GoalStatus>?> GetGoalsAsync() =>
        host.InvokeAsync(account, nameof(GetGoalsAsync), grain => grain.GetGoalsAsync());

    public Task<SettingsOutcome> UpdateSettingsAsync(SettingsChange change) =>
        host.InvokeAsync(account, nameof(UpdateSettingsAsync), grain => grain.UpdateSettingsAsync(change));

    public Task ReplaceGoalsAsync(IReadOnlyList<Goal> goals) =>
        host.InvokeAsync(account, nameof(ReplaceGoalsAsync), async grain => { await grain.ReplaceGoalsAsync(goals); return true; });
}

public static class AccountGrainHost
{
    /// <summary>Like Orleans' IGrainFactory.GetGrain&lt;IAccountGrain&gt;(account).</summary>
    public static IAccountGrain GetAccountGrain(this GrainHost<AccountGrain> host, string account) =>
        new AccountGrainReference(host, account);

    public static GrainHost<AccountGrain> Create(
        IEventLog log, IGrainStorage storage, GrainHostOptions options, IEnumerable<IIncomingGrainCallFilter> filters, TimeProvider time) =>
        new(account => new AccountGrain(account, log, storage), options, filters, time);
}
