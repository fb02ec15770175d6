using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Health;
using SocialRoi.Domain.Reports;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Calls;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Storage;

namespace SocialRoi.Grains.Accounts;

/// <summary>
/// The account grain (SPEC §12): the only writer of its account's events. It appends them to the
/// event log, keeps the whole set in memory and answers every figure from it. Settings and goals
/// are its Orleans grain state, copied into the accounts catalog after every write.
/// </summary>
public sealed class AccountGrain(
    [PersistentState(AccountState.Name, AccountState.Storage)] IPersistentState<AccountState> state,
    IEventLog log,
    IAccountCatalog catalog,
    AccountMetrics metrics,
    SnapshotSchedule snapshots,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    private AccountHistory _history = new();
    private readonly FunnelsSinceLastChange _funnels = new();
    private bool _configured;
    // Whether the log may hold events the account's snapshot lacks: its activation may have read
    // many from the log, and every stored event is one more. The store decides whether enough are.
    private bool _snapshotDue = true;
    private long _lastStored = Stopwatch.GetTimestamp();
    // When the account last tried to write its snapshot; at first, its activation, which has just read its events.
    private long _lastSnapshotTry = Stopwatch.GetTimestamp();
    private Task _snapshotWriting = Task.CompletedTask;

    private string Account => this.GetPrimaryKeyString();

    private AccountSettings Settings => state.State.Settings;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var names = new NamePool();
        _history = AccountHistory.FromLog(await log.ReadAccountAsync(Account, names, cancellationToken), names);
        if (state.RecordExists)
        {
            // The catalog copy may lag the state when a node died between the two writes.
            await catalog.SaveAccountAsync(Account, Settings, state.State.Goals, cancellationToken);
            _configured = true;
        }
        else if (await catalog.FindAccountAsync(Account, cancellationToken) is { } saved)
        {
            // Settings saved before SocialRoi ran on Orleans live only in the catalog: adopt them.
            state.State = new AccountState { Settings = saved.Settings, Goals = saved.Goals };
            _configured = true;
        }
        this.RegisterGrainTimer(SnapshotWhenDue, new GrainTimerCreationOptions(snapshots.CheckEvery, snapshots.CheckEvery));
        metrics.Activated();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Deactivated();
        await _snapshotWriting; // one write at a time, so the newest is written last
        await SaveSnapshotAsync(_history.Events, cancellationToken);
    }

    private Task SnapshotWhenDue()
    {
        var quiet = Stopwatch.GetElapsedTime(_lastStored) >= snapshots.WhenQuietFor;
        var overdue = Stopwatch.GetElapsedTime(_lastSnapshotTry) >= snapshots.AtLeastEvery;
        if (!_snapshotDue || !_snapshotWriting.IsCompleted || !(quiet || overdue)) return Task.CompletedTask;
        _snapshotDue = false;
        // A try the store declines (too few new events, or events stored while it took the log's
        // position) is made again at the next quiet spell, or AtLeastEvery later.
        _lastSnapshotTry = Stopwatch.GetTimestamp();
        // The events as they stand between two calls, written off the grain's turn: sorting, encoding
        // and writing a million took ~1 s, which every call to the account waited for. Events stored
        // meanwhile are safe: the store checks that the log holds exactly these as it takes the
        // snapshot's position, and any stored after that lie beyond it.
        var events = _history.Events.ToArray();
        _snapshotWriting = Task.Run(() => SaveSnapshotAsync(events, CancellationToken.None));
        return Task.CompletedTask;
    }

    // Events not in the account's snapshot are only in the log's JSON, which the next activation
    // would parse again (a second per million); the log writes a fresh snapshot when enough are.
    private async Task SaveSnapshotAsync(IReadOnlyCollection<EngagementEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            if (await log.SaveSnapshotAsync(Account, events, cancellationToken))
                logger.LogInformation("account {Account}: snapshot of {Events} events written in {Milliseconds:0} ms",
                    Account, events.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (DbException error)
        {
            logger.LogWarning(error, "account {Account}: its snapshot was not written; its next activation reads its events from the log", Account);
        }
    }

    public async Task<IReadOnlyList<EventOutcome>> RecordAsync(EventBatch batch)
    {
        var events = batch.Events;
        var outcomes = new EventOutcome?[events.Count];
        var toStore = new List<int>(events.Count);
        var currency = Settings.Currency;
        for (var i = 0; i < events.Count; i++)
        {
            // SPEC §6: the currency is judged at ingest against the account's setting.
            if (events[i].Currency is { } given && given != currency)
                outcomes[i] = EventOutcome.Rejected($"currency must equal the account currency {currency}, got \"{given}\"");
            else
                toStore.Add(i);
        }

        var started = Stopwatch.GetTimestamp();
        var results = await log.AppendAsync(toStore.Select(i => events[i]).ToList(), CancellationToken.None);
        metrics.Wrote(started);
        var stored = new List<EngagementEvent>(toStore.Count);
        for (var j = 0; j < toStore.Count; j++)
        {
            var e = events[toStore[j]];
            outcomes[toStore[j]] = results[j] switch
            {
                AppendOutcome.Stored => EventOutcome.Accepted,
                AppendOutcome.Duplicate => EventOutcome.Duplicate,
                _ => EventOutcome.Rejected($"id \"{e.Id}\" is already stored with different content; the stored event stays"),
            };
            if (results[j] != AppendOutcome.Stored) continue;
            _history.Add(e);
            _funnels.Forget();
            stored.Add(e);
        }
        if (stored.Count > 0)
        {
            _snapshotDue = true;
            _lastStored = Stopwatch.GetTimestamp();
        }
        metrics.Stored(Account, stored);
        return outcomes!;
    }

    public Task<AccountOverview?> GetOverviewAsync() =>
        Answer(() => new AccountOverview(Account, Settings, _history.Count));

    public Task<AccountSummary?> GetSummaryAsync(TimeRange range, AttributionModel model) =>
        Answer(() => Summary(range, model));

    public Task<IReadOnlyList<FunnelRow>?> GetFunnelAsync(TimeRange range, FunnelDimension by, AttributionModel model) =>
        Answer(() => _funnels.Get(new FunnelQuery(range, by, model), () => Funnel.Compute(_history.Index, Attribution(model), Settings, range, by)));

    public Task<IReadOnlyList<RoiRow>?> GetRoiAsync(TimeRange range, RoiInterval interval, AttributionModel model) =>
        Answer(() => RoiPeriods.Compute(_history.Index, Attribution(model), Settings, range, interval));

    public Task<AudiencePage?> GetAudienceAsync(AudienceQuery query) =>
        Answer(() => AudienceList.Page(_history.Index, query));

    public Task<IReadOnlyList<GoalStatus>?> GetGoalsAsync() =>
        Answer(() => GoalProgress.Measure(Account, _history, Settings, state.State.Goals));

    public Task<IReadOnlyList<HealthCheck>?> GetHealthAsync(DateTimeOffset asOf) =>
        Answer(() => HealthChecks.Evaluate(_history.Index, state.State.Goals, asOf));

    public Task<LiveFigures?> GetLiveFiguresAsync(TimeRange window, DateTimeOffset now) =>
        Answer(() => LiveFigures.Measure(Account, _history, Settings, state.State.Goals, window, now));

    public Task<QuarterlyReport?> GetQuarterlyReportAsync(Quarter quarter, DateTimeOffset now) =>
        Answer(() => QuarterlyReport.Build(Account, _history, Settings, state.State.Goals, quarter, now));

    public async Task<SettingsOutcome> UpdateSettingsAsync(SettingsChange change)
    {
        var updated = change.ApplyTo(Settings);
        if (updated.Currency != Settings.Currency && _history.HasMoneyEvents)
            return new SettingsOutcome(Settings,
                $"currency cannot change from {Settings.Currency} to {updated.Currency}: the account already has purchases, refunds or costs in {Settings.Currency}");
        await SaveAsync(state.State with { Settings = updated });
        return new SettingsOutcome(updated, null);
    }

    public Task ReplaceGoalsAsync(IReadOnlyList<Goal> goals) => SaveAsync(state.State with { Goals = goals });

    // Calls to one grain run one at a time, so one write is in flight at most. A write against a
    // version another activation wrote since fails with InconsistentStateException: this activation
    // is then stale, so it goes, and the next call activates afresh from storage.
    private async Task SaveAsync(AccountState changed)
    {
        var before = state.State;
        state.State = changed;
        _funnels.Forget(); // margin and lookback change a funnel's figures
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            state.State = before;
            DeactivateOnIdle();
            throw;
        }
        _configured = true;
        await catalog.SaveAccountAsync(Account, changed.Settings, changed.Goals, CancellationToken.None);
    }

    private Attribution Attribution(AttributionModel model) => new(_history.Index, Settings, model);

    private AccountSummary Summary(TimeRange range, AttributionModel model) =>
        AccountSummary.Compute(Account, _history, Settings, range, model);

    private Task<T?> Answer<T>(Func<T> figures) where T : class => Task.FromResult(Exists ? figures() : null);

    // SPEC §6: accounts appear with their first event (or when their settings are first saved).
    private bool Exists => _history.Count > 0 || _configured;
}
