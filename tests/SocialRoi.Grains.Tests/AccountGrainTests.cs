using System.Text.Json;
using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Persistence;
using SocialRoi.Grains.Accounts;
using SocialRoi.Grains.Hosting;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Storage;
using SocialRoi.Testing;

namespace SocialRoi.Grains.Tests;

/// <summary>The account grain's persistence on both stores: durable append, ETag conflicts, merged state writes.</summary>
public class AccountGrainTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static EngagementEvent Follow(string id, string actor) => new()
    {
        Id = id, Account = "acme", Type = EventType.Follow, At = Day0, Platform = "x", Actor = actor,
    };

    private static GrainHost<AccountGrain> Silo(IStorage storage) =>
        AccountGrainHost.Create(storage, storage, new GrainHostOptions(), [], TimeProvider.System);

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(condition());
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_stale_state_write_drops_the_activation_and_the_next_call_reloads_from_storage(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        // Two silos on one store, each with an activation of the same account: the situation ETags guard against.
        await using var first = Silo(storage);
        await using var second = Silo(storage);
        Assert.Null(await second.GetAccountGrain("acme").GetOverviewAsync()); // activates, reads "no state yet"

        await first.GetAccountGrain("acme").RecordAsync([Follow("f1", "ann")]);
        await WaitUntil(() => Task.Run(() => storage.ReadStateAsync(AccountGrain.GrainType, "acme", default)).Result.ETag is not null);

        var outcomes = await second.GetAccountGrain("acme").RecordAsync([Follow("f2", "bob")]);
        Assert.Equal(EventOutcomeKind.Accepted, outcomes.Single().Kind); // the event itself is durable in the log
        await WaitUntil(() => second.ActivationCount == 0);               // its snapshot write met a newer version

        var overview = await second.GetAccountGrain("acme").GetOverviewAsync();
        Assert.Equal(2, overview!.Events); // re-activated from storage: sees both silos' events
        Assert.Equal(2, second.ActivationsTotal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Writing_against_a_stale_etag_fails(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        var etag = await storage.WriteStateAsync("account", "acme", "{}", null, default);
        await storage.WriteStateAsync("account", "acme", "{}", etag, default);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("account", "acme", "{}", etag, default));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("account", "acme", "{}", null, default));
    }

    /// <summary>A real store that counts state writes.</summary>
    private sealed class CountingGrainStorage(IGrainStorage inner) : IGrainStorage
    {
        public int Writes;

        public Task<StoredGrainState> ReadStateAsync(string grainType, string grainId, CancellationToken cancellationToken) =>
            inner.ReadStateAsync(grainType, grainId, cancellationToken);

        public async Task<string> WriteStateAsync(string grainType, string grainId, string json, string? expectedETag, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Writes);
            await Task.Delay(20, cancellationToken); // a slow disk, so later writes queue up behind this one
            return await inner.WriteStateAsync(grainType, grainId, json, expectedETag, cancellationToken);
        }

        public Task<IReadOnlyList<string>> ListGrainIdsAsync(string grainType, CancellationToken cancellationToken) =>
            inner.ListGrainIdsAsync(grainType, cancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task State_writes_queued_behind_one_in_flight_are_merged_into_one_and_the_last_state_wins(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        var counting = new CountingGrainStorage(storage);
        var state = new PersistentState<AccountState>("account", "acme", counting, onWriteFailed: () => { });

        var writes = new List<Task>();
        for (var lookback = 1; lookback <= 50; lookback++)
        {
            state.State = state.State with { Settings = new AccountSettings { LookbackDays = lookback } };
            writes.Add(state.WriteStateAsync());
        }
        await Task.WhenAll(writes);

        Assert.InRange(counting.Writes, 1, 3); // one in flight, one merged behind it (at most one more if the first had ended)
        var stored = await storage.ReadStateAsync("account", "acme", default);
        Assert.Equal(50, JsonSerializer.Deserialize<AccountState>(stored.Json!)!.Settings.LookbackDays);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Recorded_events_are_in_the_log_before_the_call_returns(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        await using var silo = Silo(storage);
        await silo.GetAccountGrain("acme").RecordAsync([Follow("f1", "ann"), Follow("f2", "bob"), Follow("f1", "ann")]);

        var logged = await storage.ReadAccountAsync("acme", default);
        Assert.Equal(["f1", "f2"], logged.Select(l => l.Event.Id));
    }
}
