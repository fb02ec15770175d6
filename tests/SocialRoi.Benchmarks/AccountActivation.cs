using SocialRoi.Benchmarks.Measurements;
using SocialRoi.Server.Hosting;
using SocialRoi.Storage;

namespace SocialRoi.Benchmarks;

/// <summary>
/// What one account costs a node: the time of its first answer after a restart (the grain reads
/// its events back from the log, then answers) and the managed heap its activation holds.
/// Run: dotnet run -c Release --project tests/SocialRoi.Benchmarks -- activation
/// </summary>
public static class AccountActivation
{
    private static readonly int[] Sizes = [10_000, 100_000, 1_000_000];

    public static async Task RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("socialroi-activation-").FullName;
        try
        {
            await using var storage = await StorageUri.OpenAsync($"sqlite:{Path.Combine(directory, "bench.db")}", CancellationToken.None);
            foreach (var size in Sizes)
            {
                foreach (var batch in SyntheticAccount.Events($"a{size}", size).Chunk(5_000))
                    await storage.AppendAsync(batch, CancellationToken.None);
            }
            // A fresh node: no account is active yet.
            await using var server = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, [], CancellationToken.None);
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
            Console.WriteLine($"| events | first answer after restart | warm summary | managed heap held |");
            foreach (var size in Sizes)
            {
                var summary = $"/api/v1/accounts/a{size}/summary?from=2026-07-01&to=2026-10-01";
                var before = GC.GetTotalMemory(forceFullCollection: true);
                var first = await Requests.TimedGetAsync(http, summary);
                var warm = await Requests.TimedGetAsync(http, summary);
                var held = GC.GetTotalMemory(forceFullCollection: true) - before;
                Console.WriteLine($"| {size:N0} | {first:N0} ms | {warm:N0} ms | {held / 1048576.0:N0} MB ({(double)held / size:N0} bytes/event) |");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
