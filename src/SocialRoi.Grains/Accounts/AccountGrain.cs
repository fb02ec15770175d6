using SocialRoi.Domain.Analytics;
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
        var currency = _state.State.Settings.Currency;
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
        Task.FromResult(Exists ? new AccountOverview(Account, _state.State.Settings, _history.Count) : null);

    public Task<AccountSummary?> GetSummaryAsync(TimeRange range, AttributionModel model) =>
        Task.FromResult(Exists ? AccountSummary.Compute(Account, _history, _state.State.Settings, range, model) : null);

    // SPEC §6: accounts appear with their first event (or when their settings are first written).
    private bool Exists => _history.Count > 0 || _state.RecordExists;
}
