using SocialRoi.Benchmarks.Measurements;
using SocialRoi.Server.Hosting;

namespace SocialRoi.Benchmarks;

/// <summary>
/// Issue 12 target 6, scale of work: how summary latency grows with the events in its range, and
/// whether the ingest rate holds as the store fills from 100 thousand to 10 million events.
/// </summary>
public static class ScaleBenchmark
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkOptions options)
    {
        var figures = new List<Figure>();
        figures.AddRange(await SummaryGrowthAsync(options));
        figures.AddRange(await IngestAsTheStoreFillsAsync(options));
        return figures;
    }

    /// <summary>
    /// Summaries of one account over ranges of 30 to 365 days: the time per event in range at the
    /// widest range against the narrowest one. Linear growth keeps it equal; ≤ 1.25 allows for noise.
    /// </summary>
    private static async Task<IReadOnlyList<Figure>> SummaryGrowthAsync(BenchmarkOptions options)
    {
        var size = options.Smoke ? 10_000 : 1_000_000;
        var requests = options.Smoke ? 5 : 30;
        var events = SyntheticAccount.Events("big", size).ToList();
        await using var store = await BenchmarkStore.CreateAsync(options.Postgres);
        await using var storage = await store.OpenAsync();
        foreach (var chunk in events.Chunk(5_000)) await storage.AppendAsync(chunk, CancellationToken.None);
        await using var server = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, BenchmarkOptions.Unlimited, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(10) };

        var start = SyntheticAccount.Start;
        var perEvent = new List<(int Days, int InRange, double P50)>();
        foreach (var days in new[] { 30, 90, 180, 365 })
        {
            var to = start.AddDays(days);
            var path = $"/api/v1/accounts/big/summary?from={start:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
            (await http.GetAsync(path)).EnsureSuccessStatusCode(); // activation and warm-up
            var timings = new List<double>();
            for (var i = 0; i < requests; i++) timings.Add(await Requests.TimedGetAsync(http, path));
            perEvent.Add((days, events.Count(e => e.At >= start && e.At < to), Percentiles.Of(timings, 50)));
        }
        var (narrow, wide) = (perEvent[0], perEvent[^1]);
        var growth = wide.P50 / wide.InRange / (narrow.P50 / narrow.InRange);
        var steps = string.Join(", ", perEvent.Select(p => $"{p.Days} d: {p.InRange:N0} events {p.P50:0} ms"));
        return
        [
            new Figure($"summary time per event in range, 365 d ÷ 30 d ({steps})", growth, "×", null, null, "≤ 1.25 (linear or better)", growth <= 1.25),
        ];
    }

    /// <summary>Ingest over HTTP into one store up to 10 million events: the rate of the last million against the first.</summary>
    private static async Task<IReadOnlyList<Figure>> IngestAsTheStoreFillsAsync(BenchmarkOptions options)
    {
        var (total, window) = options.Smoke ? (40_000, 10_000) : (10_000_000, 1_000_000);
        await using var store = await BenchmarkStore.CreateAsync(options.Postgres);
        await using var storage = await store.OpenAsync();
        await using var server = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, BenchmarkOptions.Unlimited, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(10) };

        var rates = new List<double>();
        // Made before the clock starts, a window at a time, so the generator costs the server nothing.
        foreach (var events in LoadGenerator.Interleaved(LoadGenerator.Accounts, total / LoadGenerator.Accounts).Chunk(window))
        {
            var batches = LoadGenerator.NdjsonBatches(events, LoadGenerator.BatchSize);
            rates.Add(events.Length / (await LoadGenerator.SendAsync(http, batches, LoadGenerator.Clients)).TotalSeconds);
        }
        var ratio = rates[^1] / rates[0];
        var name = store.IsPostgres ? "PostgreSQL" : "SQLite";
        return
        [
            new Figure($"ingest rate, {name}, events {total - window:N0}–{total:N0} stored ÷ 0–{window:N0} (each window: {string.Join(", ", rates.Select(r => $"{r / 1000:0}k"))} events/s)",
                ratio, "×", null, null, "≥ 0.8 (flat)", ratio >= 0.8),
        ];
    }
}
