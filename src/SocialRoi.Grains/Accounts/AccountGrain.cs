using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Persistence;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Hosting;
using SocialRoi.Grains.Interfaces;

namespace SocialRoi.Grains.Accounts;

/// <summary>The account grain: keeps the account's events in memory and answers figures from them.</summary>
public sealed class AccountGrain : Grain, IAccountGrain
{
    public const string GrainType = "account";

    private readonly IEventLog _log;
    private readonly PersistentState<AccountState> _state;
    private readonly AccountHistory _history = new();

    public AccountGrain(string account, IEventLog log, IGrainStorage storage)
    {
        _log = log;
        _state = new PersistentState<AccountState>(GrainType, account, storage, onWriteFailed: DeactivateOnIdle);
    }

    private string Account => GrainId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await _state.ReadStateAsync(cancellationToken);
        var applied = _state.State.AppliedThrough;
        foreach (var logged in await _log.ReadAccountAsync(Account, cancellationToken))
        {
            _history.Add(logged.Event);
            applied = Math.Max(applied, logged.Position);
        }
        _state.State = _state.State with { AppliedThrough = applied, EventCount = _history.Count };
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken) => _state.FlushAsync();

    public async Task<IReadOnlyList<EventOutcome>> RecordAsync(IReadOnlyList<EngagementEvent> events)
    {
        var outcomes = new EventOutcome?[events.Count];
        var toStore = new List<int>();
        var currency = Settings.Currency;
        for (var i = 0; i < events.Count; i++)
        {
            // SPEC §6: the currency is judged at ingest against the account's setting.
            if (events[i].Currency is { } given && given != currency)
                outcomes[i] = EventOutcome.Rejected($"currency must equal the account currency {currency}, got \"{given}\"");
            else
                toStore.Add(i);
        }

        var results = await _log.AppendAsync(toStore.Select(i => events[i]).ToList(), CancellationToken.None);
        var applied = _state.State.AppliedThrough;
        for (var j = 0; j < toStore.Count; j++)
        {
            var e = events[toStore[j]];
            outcomes[toStore[j]] = results[j].Outcome switch
            {
                AppendOutcome.Stored => EventOutcome.Accepted,
                AppendOutcome.Duplicate => EventOutcome.Duplicate,
                _ => EventOutcome.Rejected($"id \"{e.Id}\" is already stored with different content; the stored event stays"),
            };
            if (results[j].Outcome != AppendOutcome.Stored) continue;
            _history.Add(e);
            applied = Math.Max(applied, results[j].Position);
        }

        if (applied != _state.State.AppliedThrough)
        {
            _state.State = _state.State with { AppliedThrough = applied, EventCount = _history.Count };
            _state.RequestWrite(); // the events are durable in the log already; the snapshot may follow
        }
        return outcomes!;
    }

    public Task<AccountOverview?> GetOverviewAsync() =>
        Answer(() => new AccountOverview(Account, Settings, _history.Count));

    public Task<AccountSummary?> GetSummaryAsync(TimeRange range, AttributionModel model) =>
        Answer(() => Summary(range, model));

    public Task<IReadOnlyList<FunnelRow>?> GetFunnelAsync(TimeRange range, FunnelDimension by, AttributionModel model) =>
        Answer(() => Funnel.Compute(_history.Index, Attribution(model), Settings, range, by));

    public Task<IReadOnlyList<RoiRow>?> GetRoiAsync(TimeRange range, RoiInterval interval, AttributionModel model) =>
        Answer(() => RoiPeriods.Compute(_history.Index, Attribution(model), Settings, range, interval));

    public Task<AudiencePage?> GetAudienceAsync(AudienceQuery query) =>
        Answer(() => AudienceList.Page(_history.Index, query));

    // SPEC §6: each goal's figure over the goal's own range, default model.
    public Task<IReadOnlyList<GoalStatus>?> GetGoalsAsync() =>
        Answer(() => (IReadOnlyList<GoalStatus>)_state.State.Goals
            .Select(goal => GoalStatus.Of(goal, Summary(new TimeRange(goal.From, goal.To), AttributionModel.LastTouch)))
            .ToList());

    public async Task<SettingsOutcome> UpdateSettingsAsync(SettingsChange change)
    {
        var updated = change.ApplyTo(Settings);
        if (updated.Currency != Settings.Currency && _history.HasMoneyEvents)
            return new SettingsOutcome(Settings,
                $"currency cannot change from {Settings.Currency} to {updated.Currency}: the account already has purchases, refunds or costs in {Settings.Currency}");
        _state.State = _state.State with { Settings = updated };
        await _state.WriteStateAsync();
        return new SettingsOutcome(updated, null);
    }

    public async Task ReplaceGoalsAsync(IReadOnlyList<Goal> goals)
    {
        _state.State = _state.State with { Goals = goals };
        await _state.WriteStateAsync();
    }

    private AccountSettings Settings => _state.State.Settings;

    private Attribution Attribution(AttributionModel model) => new(_history.Index, Settings, model);

    private AccountSummary Summary(TimeRange range, AttributionModel model) =>
        AccountSummary.Compute(Account, _history, Settings, range, model);

    private Task<T?> Answer<T>(Func<T> figures) where T : class => Task.FromResult(Exists ? figures() : null);

    // SPEC §6: accounts appear with their first event (or when their settings are first written).
    private bool Exists => _history.Count > 0 || _state.RecordExists;
}
