using System.Diagnostics.Metrics;
using Orleans.Storage;
using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Calls;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Testing;

namespace SocialRoi.Grains.Tests;

/// <summary>The account grain on Orleans' test cluster, with the real ADO.NET providers on both stores.</summary>
public class AccountGrainTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static EngagementEvent Follow(string id, string actor) => new()
    {
        Id = id, Account = "acme", Type = EventType.Follow, At = Day0, Platform = "x", Actor = actor,
    };

    private static SettingsChange Margin(decimal margin) => new(false, null, null, null, null, margin);

    private static SettingsChange Lookback(int days) => new(false, null, null, days, null, null);

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Recorded_events_are_in_the_log_before_the_call_returns_and_a_new_activation_reads_them_back(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var cluster = await AccountCluster.StartAsync(test);
        var outcomes = await cluster.Account("acme").RecordAsync(new EventBatch([Follow("f1", "ann"), Follow("f2", "bob"), Follow("f1", "ann")]));
        Assert.Equal([EventOutcomeKind.Accepted, EventOutcomeKind.Accepted, EventOutcomeKind.Duplicate], outcomes.Select(o => o.Kind));

        await using (var storage = await test.OpenAsync())
            Assert.Equal(["f1", "f2"], (await storage.ReadAccountAsync("acme", new NamePool(), default)).Select(e => e.Id));

        Assert.Equal(1, await cluster.ActiveAccountsAsync());
        await cluster.CollectActivationsAsync();
        Assert.Equal(0, await cluster.ActiveAccountsAsync());
        Assert.Equal(2, (await cluster.Account("acme").GetOverviewAsync())!.Events);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_funnel_asked_again_counts_the_events_stored_and_the_settings_changed_since(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var cluster = await AccountCluster.StartAsync(test);
        var account = cluster.Account("acme");
        EngagementEvent Touch(string id, EventType type, double days, decimal? amount = null) => new()
        {
            Id = id, Account = "acme", Type = type, At = Day0.AddDays(days), Platform = "x", Actor = "ann", Post = "p1", Amount = amount,
        };
        var range = new TimeRange(Day0, Day0.AddDays(30));
        async Task<FunnelRow> PostP1() => Assert.Single((await account.GetFunnelAsync(range, FunnelDimension.Post, AttributionModel.LastTouch))!);
        await account.RecordAsync(new EventBatch([Touch("l1", EventType.Like, 0), Touch("b1", EventType.Purchase, 3, 100m) with { Post = null, Customer = "c1" }]));
        Assert.Equal((1, 100m), ((await PostP1()).Likes, (await PostP1()).AttributedRevenue));

        await account.RecordAsync(new EventBatch([Touch("l2", EventType.Like, 1)]));
        Assert.Equal(2, (await PostP1()).Likes);

        await account.UpdateSettingsAsync(Lookback(1)); // the purchase came 2 days after the last like
        Assert.Equal(0m, (await PostP1()).AttributedRevenue);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Settings_and_goals_are_orleans_grain_state_that_outlives_the_activation_and_the_catalog_copies_them(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var cluster = await AccountCluster.StartAsync(test);
        var goal = new Goal("q3", "roi", ">=", 0.5m, Day0, Day0.AddMonths(3));
        await cluster.Account("acme").UpdateSettingsAsync(Margin(0.4m));
        await cluster.Account("acme").ReplaceGoalsAsync([goal]);

        await cluster.CollectActivationsAsync();
        var overview = await cluster.Account("acme").GetOverviewAsync();
        Assert.Equal(0.4m, overview!.Settings.Margin);
        Assert.Equal([goal], (await cluster.Account("acme").GetGoalsAsync())!.Select(g => new Goal(g.Id, g.Metric, g.Op, g.Target, g.From, g.To)));

        await using var storage = await test.OpenAsync();
        var listed = Assert.Single(await storage.ListAccountsAsync(default));
        Assert.Equal(("acme", 0.4m, 0L), (listed.Account, listed.Settings.Margin, listed.Events));
        Assert.Equal([goal], listed.Goals);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_stale_state_write_fails_with_InconsistentStateException_and_the_next_call_reloads_from_storage(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        // Two clusters on one store, each with an activation of the same account: the situation versions guard against.
        await using var first = await AccountCluster.StartAsync(test);
        await using var second = await AccountCluster.StartAsync(test);
        Assert.Null(await second.Account("acme").GetOverviewAsync()); // activates, reads "no state yet"

        await first.Account("acme").UpdateSettingsAsync(Margin(0.4m));
        await Assert.ThrowsAsync<InconsistentStateException>(() => second.Account("acme").UpdateSettingsAsync(Lookback(10)));

        // The stale activation is gone: the next call reads the first cluster's write, and builds on it.
        Assert.Equal(0.4m, (await second.Account("acme").GetOverviewAsync())!.Settings.Margin);
        var outcome = await second.Account("acme").UpdateSettingsAsync(Lookback(10));
        Assert.Equal((0.4m, 10), (outcome.Settings.Margin, outcome.Settings.LookbackDays));
    }

    [Fact]
    public async Task Settings_and_goals_saved_before_orleans_are_adopted_by_the_account_grain()
    {
        await using var test = await TestStore.CreateAsync(TestStore.Sqlite);
        // A store as the version before Orleans left it: its first two migrations and a grain_state row.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={test.Uri["sqlite:".Length..]}"))
        {
            await connection.OpenAsync();
            var legacy = Storage.MigrationScripts.For("Sqlite").Where(m => m.Version <= 2).ToList();
            var sql = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);"
                + string.Concat(legacy.Select(m => m.Sql + $"\nINSERT INTO schema_migrations VALUES ({m.Version}, '{m.Name}', '2026-01-01');"))
                + """
                  INSERT INTO grain_state VALUES ('account', 'acme', 'etag-1',
                    '{"Settings":{"DisplayName":"Acme","Currency":"EUR","LookbackDays":14,"HalfLifeDays":7,"Margin":0.4},"Goals":[{"Id":"q3","Metric":"roi","Op":">=","Target":1,"From":"2026-07-01T00:00:00+00:00","To":"2026-10-01T00:00:00+00:00"}],"AppliedThrough":0,"EventCount":0}',
                    '2026-01-01');
                  """;
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        await using var cluster = await AccountCluster.StartAsync(test); // opening the store applies the Orleans migrations
        var overview = await cluster.Account("acme").GetOverviewAsync();
        Assert.NotNull(overview);
        Assert.Equal(("Acme", "EUR", 14, 0.4m), (overview.Settings.DisplayName, overview.Settings.Currency, overview.Settings.LookbackDays, overview.Settings.Margin));
        Assert.Equal(["q3"], (await cluster.Account("acme").GetGoalsAsync())!.Select(g => g.Id));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_currency_cannot_change_once_money_is_recorded(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var cluster = await AccountCluster.StartAsync(test);
        await cluster.Account("acme").RecordAsync(new EventBatch([new EngagementEvent
        {
            Id = "k1", Account = "acme", Type = EventType.Cost, At = Day0, Amount = 10m, Category = CostCategory.Ads,
        }]));
        var refused = await cluster.Account("acme").UpdateSettingsAsync(new SettingsChange(false, null, "EUR", null, null, null));
        Assert.Equal("USD", refused.Settings.Currency);
        Assert.Contains("currency cannot change from USD to EUR", refused.Conflict);
    }

    [Fact]
    public async Task The_metrics_filter_times_every_account_grain_call_by_method_and_outcome()
    {
        var seen = new List<(string Method, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GrainCallMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            Assert.True(seconds >= 0);
            var tagged = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            lock (seen) seen.Add((tagged["method"], tagged["outcome"]));
        });
        listener.Start();

        await using var test = await TestStore.CreateAsync(TestStore.Sqlite);
        await using var first = await AccountCluster.StartAsync(test);
        await using var second = await AccountCluster.StartAsync(test);
        await second.Account("acme").GetOverviewAsync();
        await first.Account("acme").UpdateSettingsAsync(Margin(0.4m));
        await Assert.ThrowsAsync<InconsistentStateException>(() => second.Account("acme").UpdateSettingsAsync(Margin(0.5m)));

        lock (seen)
            Assert.Equal([("GetOverviewAsync", "ok"), ("UpdateSettingsAsync", "ok"), ("UpdateSettingsAsync", "error")], seen);
    }
}
