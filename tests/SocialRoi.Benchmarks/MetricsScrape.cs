using System.Diagnostics;
using SocialRoi.Server.Hosting;
using SocialRoi.Storage;

namespace SocialRoi.Benchmarks;

/// <summary>
/// SPEC §10 / issue 9: how long GET /metrics takes with 500 busy accounts (every gauge of every
/// account computed by its grain at scrape time), after one warm-up scrape that activates them.
/// Run: dotnet run -c Release --project tests/SocialRoi.Benchmarks -- scrape
/// </summary>
public static class MetricsScrape
{
    private const int Accounts = 500, EventsPerAccount = 1_000, Scrapes = 30;

    public static async Task RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("socialroi-scrape-").FullName;
        try
        {
            await using var storage = await StorageUri.OpenAsync($"sqlite:{Path.Combine(directory, "bench.db")}", CancellationToken.None);
            for (var a = 0; a < Accounts; a++)
                await storage.AppendAsync(SyntheticAccount.Events($"shop-{a:D3}", EventsPerAccount).ToList(), CancellationToken.None);
            await using var server = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, [], CancellationToken.None);
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };

            var warmUp = await TimeAsync(http);
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i < Scrapes; i++)
            {
                var (elapsed, size) = await TimeAsync(http);
                times.Add(elapsed.TotalMilliseconds);
                bytes = size;
            }
            times.Sort();
            Console.WriteLine($"| accounts | events | first scrape (activates every account) | scrape p50 | scrape p95 | slowest | body |");
            Console.WriteLine($"| {Accounts} | {Accounts * EventsPerAccount:N0} | {warmUp.Elapsed.TotalMilliseconds:N0} ms | {times[times.Count / 2]:N0} ms | {times[(int)Math.Ceiling(0.95 * times.Count) - 1]:N0} ms | {times[^1]:N0} ms | {bytes / 1024.0:N0} KiB |");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, long Bytes)> TimeAsync(HttpClient http)
    {
        var started = Stopwatch.GetTimestamp();
        var body = await http.GetByteArrayAsync("/metrics");
        return (Stopwatch.GetElapsedTime(started), body.Length);
    }
}
