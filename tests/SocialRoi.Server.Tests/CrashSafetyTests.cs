using System.Net;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>Acknowledged data is durable: through a killed server process and through a database restart.</summary>
public class CrashSafetyTests
{
    private const string Summary = "/api/v1/accounts/acme/summary?from=2026-06-01&to=2026-09-01&model=linear";

    private static List<JsonObject[]> Batches(int count, int size) =>
        RandomHistory.Make(seed: 99, size: count * size).Chunk(size).ToList();

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Every_event_acknowledged_before_a_sigkill_is_stored_exactly_once_and_figures_equal_a_fresh_replay(string store)
    {
        await using var data = await TestStore.CreateAsync(store);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var batches = Batches(count: 120, size: 25);
        var acknowledged = new List<string>();

        using (var server = SocialRoiProcess.Serve(data.Uri))
        {
            await server.WaitUntilReadyAsync(http);
            // Stream batches from several senders; the sender that reaches batch 40 kills the server
            // while the others' batches are in flight.
            const int killAt = 40;
            var next = 0;
            async Task Sender()
            {
                while (Interlocked.Increment(ref next) - 1 is var i && i < batches.Count)
                {
                    if (i == killAt) { server.Kill(); return; }
                    try
                    {
                        using var response = await http.PostAsync(new Uri(server.Address, "/api/v1/events"), Ev.JsonBody(batches[i]));
                        if (response.StatusCode != HttpStatusCode.OK) continue;
                        lock (acknowledged) acknowledged.AddRange(batches[i].Select(e => (string)e["id"]!));
                    }
                    catch (HttpRequestException) { return; } // the server is gone
                }
            }
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Sender)));
        }
        Assert.InRange(acknowledged.Count, 25 * 30, 25 * 40); // killed mid-stream, after real progress

        using (var restarted = SocialRoiProcess.Serve(data.Uri))
        {
            await restarted.WaitUntilReadyAsync(http);
            await using var storage = await data.OpenAsync();
            var logged = (await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None)).Select(e => e.Id).ToList();
            Assert.Equal(logged.Count, logged.Distinct().Count());           // exactly once
            Assert.Empty(acknowledged.Except(logged));                         // nothing acknowledged is lost

            var afterRestart = await http.GetStringAsync(new Uri(restarted.Address, Summary));
            var loggedIds = logged.ToHashSet();
            await using var fresh = await RunningServer.StartAsync(TestStore.Sqlite);
            await fresh.PostEventsAsync(batches.SelectMany(b => b).Where(e => loggedIds.Contains((string)e["id"]!)));
            Assert.Equal(await fresh.GetStringAsync(Summary), afterRestart);

            // Sending everything again completes the set without touching what was stored.
            var accepted = 0;
            foreach (var batch in batches)
            {
                using var response = await http.PostAsync(new Uri(restarted.Address, "/api/v1/events"), Ev.JsonBody(batch));
                var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Empty(report["rejected"]!.AsArray());
                accepted += (int)report["accepted"]!;
            }
            Assert.Equal(batches.Sum(b => b.Length) - logged.Count, accepted);
        }
    }

    [PostgresFact]
    public async Task While_postgresql_restarts_ingest_answers_503_then_recovers_by_itself_losing_nothing()
    {
        await using var database = await PostgresServer.StartPrivateAsync();
        await using var data = await TestStore.CreateOnAsync(database);
        await using var server = await RunningServer.StartAsync(data);
        var batches = Batches(count: 3, size: 40);
        await server.PostEventsAsync(batches[0]);

        await database.StopAsync();
        using (var down = await server.Http.PostAsync("/api/v1/events", Ev.JsonBody(batches[1])))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType!.MediaType);
            Assert.True(down.Headers.RetryAfter is not null, "a 503 says when to retry");
        }
        using (var notReady = await server.Http.GetAsync("/readyz"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);

        await database.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            using var retry = await server.Http.PostAsync("/api/v1/events", Ev.JsonBody(batches[1]));
            status = retry.StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(200);
        } while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
        await server.PostEventsAsync(batches[2]);

        var logged = await server.Storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);
        Assert.Equal(batches.SelectMany(b => b).Select(e => (string)e["id"]!).Order(), logged.Select(e => e.Id).Order());
        var fresh = await RunningServer.StartAsync(TestStore.Sqlite);
        await using (fresh)
        {
            await fresh.PostEventsAsync(batches.SelectMany(b => b));
            Assert.Equal(await fresh.GetStringAsync(Summary), await server.GetStringAsync(Summary));
        }
    }
}
