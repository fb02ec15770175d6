using System.Text.Json.Nodes;

using SocialRoi.Domain.Events;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>SPEC §1 order independence, and state rebuilt from the event log after a restart.</summary>
public class OrderAndRestartTests
{
    private static readonly string[] Ranges =
    [
        "from=2026-06-01&to=2026-09-01",
        "from=2026-07-03&to=2026-07-20",
        "from=2026-07-10&to=2026-07-10T12:00:00Z&model=linear",
    ];

    /// <summary>A small but tangled history: links after purchases, replies, refunds, ties, every type.</summary>
    private static List<JsonObject> History()
    {
        var random = new Random(20260701);
        var events = new List<JsonObject>();
        string[] actors = ["ann", "bob", "cy", "dee", "eve", "fay"];
        for (var i = 0; i < 30; i++)
        {
            var actor = actors[random.Next(actors.Length)];
            var day = random.Next(0, 40) + random.Next(0, 4) * 0.25;
            events.Add(Ev.Make("post", $"p{i}", day, new { platform = "x", post = $"post-{i % 7}", promotional = i % 3 == 0 }));
            events.Add(Ev.Make(i % 4 == 0 ? "unfollow" : "follow", $"f{i}", day, new { platform = "x", actor }));
            events.Add(Ev.Make("comment", $"m{i}", day, new { platform = "x", actor, post = $"post-{i % 7}" }));
            if (i % 2 == 0) events.Add(Ev.Make("reply", $"r{i}", day + 0.01 * i, new { platform = "x", @ref = $"m{i}" }));
            events.Add(Ev.Make("click", $"c{i}", day + 0.5, new { platform = "x", actor, post = $"post-{i % 5}" }));
            if (i % 5 == 0) events.Add(Ev.Make("purchase", $"b{i}", day + 1, new { customer = $"cust-{actor}", amount = 10 + i }));
            if (i % 10 == 0) events.Add(Ev.Make("refund", $"rf{i}", day + 2, new { @ref = $"b{i}", amount = 3 }));
            if (i % 6 == 0) events.Add(Ev.Make("identify", $"d{i}", day + 3, new { platform = "x", actor, customer = $"cust-{actor}" }));
            if (i % 7 == 0) events.Add(Ev.Make("cost", $"k{i}", day, new { amount = 5, category = "staff" }));
            events.Add(Ev.Make("impression", $"i{i}", day, new { platform = "x", post = $"post-{i % 7}", count = i + 1 }));
            events.Add(Ev.Make("lead", $"l{i}", day, new { platform = "tiktok", actor }));
        }
        return events;
    }

    private static async Task<List<string>> Summaries(RunningServer server)
    {
        var summaries = new List<string>();
        foreach (var range in Ranges) summaries.Add(await server.GetStringAsync($"/api/v1/accounts/acme/summary?{range}"));
        return summaries;
    }

    private static async Task<List<string>> Summaries(SocialRoiProcess node, HttpClient http)
    {
        var summaries = new List<string>();
        foreach (var range in Ranges) summaries.Add(await http.GetStringAsync(new Uri(node.Address, $"/api/v1/accounts/acme/summary?{range}")));
        return summaries;
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_same_events_in_any_order_and_with_duplicates_give_identical_summaries(string store)
    {
        var history = History();
        List<string>? expected = null;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var random = new Random(seed);
            var shuffled = history.Concat(history.Where((_, i) => i % 3 == seed % 3)).OrderBy(_ => random.Next()).ToList();
            await using var server = await RunningServer.StartAsync(store);
            // Several batches, so events also arrive late relative to each other.
            foreach (var batch in shuffled.Chunk(17)) await server.PostEventsAsync(batch);

            var summaries = await Summaries(server);
            if (expected is null) expected = summaries;
            else Assert.Equal(expected, summaries);
        }
        Assert.Contains("\"revenue\":", expected![0]);
        Assert.DoesNotContain("\"revenue\":0,", expected[0]); // the history really has money in it
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task After_a_restart_every_figure_equals_the_figures_before_it(string store)
    {
        await using var data = await TestStore.CreateAsync(store);
        List<string> before;
        await using (var server = await RunningServer.StartAsync(data))
        {
            foreach (var batch in History().Chunk(40)) await server.PostEventsAsync(batch);
            before = await Summaries(server);
            before.Add(await server.GetStringAsync("/api/v1/accounts"));
        }
        await using (var restarted = await RunningServer.StartAsync(data))
        {
            var after = await Summaries(restarted);
            after.Add(await restarted.GetStringAsync("/api/v1/accounts"));
            Assert.Equal(before, after);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_account_that_took_in_many_events_comes_back_after_a_restart_from_its_snapshot(string store)
    {
        await using var data = await TestStore.CreateAsync(store);
        List<string> before;
        await using (var server = await RunningServer.StartAsync(data))
        {
            foreach (var batch in RandomHistory.Make(seed: 12, size: 21_000).Chunk(5_000)) await server.PostEventsAsync(batch);
            before = await Summaries(server);
        } // the account deactivates as the server stops, and writes its snapshot

        Assert.Equal(before, await SummariesFromSnapshotAfterRestartAsync(data));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_account_loaded_in_bulk_comes_back_after_its_first_restart_from_its_snapshot(string store)
    {
        await using var data = await TestStore.CreateAsync(store);
        await using (var storage = await data.OpenAsync())
        {
            var events = RandomHistory.Make(seed: 13, size: 21_000).Select(e => EventJson.Read(e.ToJsonString())).ToList();
            foreach (var batch in events.Chunk(5_000)) await storage.AppendAsync(batch, CancellationToken.None);
        }
        List<string> before;
        await using (var server = await RunningServer.StartAsync(data))
        {
            before = await Summaries(server); // its first activation reads the log
        }

        Assert.Equal(before, await SummariesFromSnapshotAfterRestartAsync(data));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_account_that_went_quiet_comes_back_from_its_snapshot_after_its_node_was_killed(string store)
    {
        await using var data = await TestStore.CreateAsync(store);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        List<string> before;
        using (var node = SocialRoiProcess.Serve(data.Uri, new Dictionary<string, string> { ["Snapshots__WhenQuietFor"] = "00:00:01" }))
        {
            await node.WaitUntilReadyAsync(http);
            foreach (var batch in RandomHistory.Make(seed: 14, size: 21_000).Chunk(5_000)) await node.PostEventsAsync(http, batch);
            before = await Summaries(node, http);
            await node.WaitForOutputAsync("account acme: snapshot of 21000 events written", TimeSpan.FromSeconds(30));
            node.Kill(); // no deactivation, so no snapshot at the end: only the one written while running
        }

        Assert.Equal(before, await SummariesFromSnapshotAfterRestartAsync(data));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_account_that_never_went_quiet_comes_back_from_its_snapshot_after_its_node_was_killed(string store)
    {
        await using var data = await TestStore.CreateAsync(store);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        List<string> before;
        // Never quiet for ten minutes: only the snapshot due at least every two seconds can be written.
        var schedule = new Dictionary<string, string> { ["Snapshots__WhenQuietFor"] = "00:10:00", ["Snapshots__AtLeastEvery"] = "00:00:02" };
        using (var node = SocialRoiProcess.Serve(data.Uri, schedule))
        {
            await node.WaitUntilReadyAsync(http);
            var history = RandomHistory.Make(seed: 15, size: 22_000);
            foreach (var batch in history.Take(21_000).Chunk(5_000)) await node.PostEventsAsync(http, batch);
            // A live feed: a few events every 200 ms until the snapshot is written, as they go on arriving.
            foreach (var batch in history.Skip(21_000).Chunk(10))
            {
                if (node.Output.Contains("account acme: snapshot of")) break;
                await node.PostEventsAsync(http, batch);
                await Task.Delay(200);
            }
            Assert.Contains("account acme: snapshot of", node.Output);
            before = await Summaries(node, http);
            node.Kill(); // no deactivation, so no snapshot at the end: only the one written while events arrived
        }

        Assert.Equal(before, await SummariesFromSnapshotAfterRestartAsync(data));
    }

    // A body only a read of the log meets, which would stop the account's activation: a restarted
    // account that answers came back from its snapshot.
    private static async Task<List<string>> SummariesFromSnapshotAfterRestartAsync(TestStore data)
    {
        await data.ReplaceStoredBodyAsync("acme", "e100", """{"id":"e100","account":"acme","type":"like"}""");
        await using var restarted = await RunningServer.StartAsync(data);
        return await Summaries(restarted);
    }
}
