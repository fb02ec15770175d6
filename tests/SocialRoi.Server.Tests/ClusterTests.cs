using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;
using SocialRoi.Testing;
using Xunit.Abstractions;

namespace SocialRoi.Server.Tests;

/// <summary>SPEC §12: two socialroi nodes in one Orleans cluster on one PostgreSQL, and one of them dying.</summary>
public class ClusterTests(ITestOutputHelper output)
{
    private static readonly string[] Shops = ["acme", "bolt", "cora", "dune", "echo", "fern"];

    private static string Summary(string account) => $"/api/v1/accounts/{account}/summary?from=2026-06-01&to=2026-09-01&model=linear";

    /// <summary>The same random history for each of several accounts, so their activations spread over both nodes.</summary>
    private static List<JsonObject[]> Batches()
    {
        var history = RandomHistory.Make(seed: 7, size: 1_800);
        return Shops.SelectMany(shop => history.Select(e =>
            {
                var copy = e.DeepClone().AsObject();
                copy["account"] = shop;
                return copy;
            }))
            .Chunk(60)
            .OrderBy(batch => batch[0]["id"]!.ToString(), StringComparer.Ordinal) // interleave the accounts
            .ToList();
    }

    [PostgresFact]
    public async Task Two_nodes_share_the_accounts_and_when_one_dies_its_accounts_move_to_the_other_losing_nothing()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Postgres);
        var clusterId = $"test-{Guid.NewGuid():N}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var doomed = SocialRoiProcess.ServeNode(data.Uri, clusterId);
        using var survivor = SocialRoiProcess.ServeNode(data.Uri, clusterId);
        await Task.WhenAll(doomed.WaitUntilReadyAsync(http), survivor.WaitUntilReadyAsync(http));

        var batches = Batches();
        var acknowledged = new List<string>();
        var killed = new Stopwatch();
        Task<TimeSpan>? recovered = null;

        // A batch goes to either node; once the doomed node is gone, or answers 503 while its
        // accounts move, it is resent to the survivor until acknowledged.
        async Task Send(JsonObject[] batch, SocialRoiProcess node)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try
                {
                    using var response = await http.PostAsync(new Uri(node.Address, "/api/v1/events"), Ev.JsonBody(batch));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                        Assert.Empty(report["rejected"]!.AsArray());
                        lock (acknowledged) acknowledged.AddRange(batch.Select(e => $"{e["account"]}/{e["id"]}"));
                        return;
                    }
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode); // never a bare 500
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                    Assert.NotNull(response.Headers.RetryAfter);
                }
                catch (HttpRequestException) when (node == doomed) { /* the node is gone */ }
                node = survivor;
                Assert.True(DateTime.UtcNow < deadline, "a batch could not be delivered within 60 s of trying");
                await Task.Delay(200);
            }
        }

        // Streams batches[from..] from four senders to both nodes; the sender that reaches killAt kills
        // the doomed node while the others' batches are in flight.
        async Task Stream(int from, int killAt, int? until = null)
        {
            var next = from;
            async Task Sender()
            {
                while (Interlocked.Increment(ref next) - 1 is var i && i < (until ?? batches.Count))
                {
                    if (i == killAt)
                    {
                        doomed.Kill();
                        killed.Start();
                        recovered = Task.Run(() => EveryAccountAnswersAsync(http, survivor, killed));
                    }
                    await Send(batches[i], i % 2 == 0 ? doomed : survivor);
                }
            }
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Sender)));
        }

        const int firstPart = 50;
        await Stream(from: 0, killAt: -1, until: firstPart);
        // Once acknowledged, an account reads the same through either node.
        foreach (var shop in Shops)
            Assert.Equal(await http.GetStringAsync(new Uri(doomed.Address, Summary(shop))),
                await http.GetStringAsync(new Uri(survivor.Address, Summary(shop))));
        await Stream(from: firstPart, killAt: firstPart + 10);

        // SPEC §12: with the shipped membership settings a dead node's accounts answer again within 10 s.
        Assert.NotNull(recovered);
        var takeover = await recovered;
        output.WriteLine($"the dead node's accounts answered again {takeover.TotalSeconds:0.0} s after the kill");
        Assert.True(takeover <= TimeSpan.FromSeconds(10), $"the dead node's accounts answered again after {takeover.TotalSeconds:0.0} s");

        await using var storage = await data.OpenAsync();
        var logged = new List<string>();
        foreach (var shop in Shops) logged.AddRange((await storage.ReadAccountAsync(shop, new NamePool(), CancellationToken.None)).Select(e => $"{shop}/{e.Id}"));
        Assert.Equal(logged.Count, logged.Distinct().Count());                           // exactly once
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), logged.Order(StringComparer.Ordinal)); // every batch was acknowledged

        await using var fresh = await RunningServer.StartAsync(TestStore.Sqlite);
        await fresh.PostEventsAsync(batches.SelectMany(b => b));
        foreach (var shop in Shops)
        {
            Assert.Equal(await fresh.GetStringAsync(Summary(shop)), await http.GetStringAsync(new Uri(survivor.Address, Summary(shop))));
            var funnel = $"/api/v1/accounts/{shop}/funnel?from=2026-06-01&to=2026-09-01&by=post&model=time_decay";
            Assert.Equal(await fresh.GetStringAsync(funnel), await http.GetStringAsync(new Uri(survivor.Address, funnel)));
        }
    }

    /// <summary>How long after the kill every account's summary answers 200 on the survivor.</summary>
    private static async Task<TimeSpan> EveryAccountAnswersAsync(HttpClient http, SocialRoiProcess survivor, Stopwatch sinceKill)
    {
        foreach (var shop in Shops)
        {
            while (true)
            {
                using var answer = await http.GetAsync(new Uri(survivor.Address, Summary(shop)));
                if (answer.StatusCode == HttpStatusCode.OK) break;
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
                Assert.True(sinceKill.Elapsed < TimeSpan.FromSeconds(60), $"{shop} did not answer within 60 s of the kill");
                await Task.Delay(100);
            }
        }
        return sinceKill.Elapsed;
    }

    [Fact]
    public async Task A_cluster_on_sqlite_storage_refuses_to_start_and_says_why()
    {
        var directory = Directory.CreateTempSubdirectory("socialroi-cluster-").FullName;
        try
        {
            var (exitCode, output) = await SocialRoiProcess.RunAsync("serve", "--cluster", "--storage", $"sqlite:{Path.Combine(directory, "a.db")}");
            Assert.Equal(2, exitCode);
            Assert.Contains("--cluster needs PostgreSQL storage", output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
