using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using SocialRoi.Domain.Events;

namespace SocialRoi.Benchmarks.Measurements;

/// <summary>
/// Realistic events for the measurements (SyntheticAccount's mix of every type), as the NDJSON
/// batches a client would send: made before the clock starts, so generating them costs the server nothing.
/// </summary>
public static class LoadGenerator
{
    /// <summary>Issue 12's ingest load: NDJSON batches of 5,000 from 4 clients at once, events of 50 accounts.</summary>
    public const int BatchSize = 5_000, Clients = 4, Accounts = 50;

    public static IReadOnlyList<EngagementEvent> Events(int accounts, int total) => Interleaved(accounts, Math.Max(1, total / accounts)).ToList();

    /// <summary>Each account's synthetic events, interleaved one by one, as several businesses' events arrive together.</summary>
    public static IEnumerable<EngagementEvent> Interleaved(int accounts, int perAccount)
    {
        var streams = Enumerable.Range(0, accounts).Select(a => SyntheticAccount.Events($"acct-{a:D3}", perAccount).GetEnumerator()).ToList();
        for (var i = 0; i < perAccount; i++)
        {
            foreach (var stream in streams)
            {
                stream.MoveNext();
                yield return stream.Current;
            }
        }
    }

    /// <summary>Posts the batches over HTTP from several clients at once, each taking the next batch; the time until the last answer.</summary>
    public static async Task<TimeSpan> SendAsync(HttpClient http, List<byte[]> batches, int clients)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var i && i < batches.Count)
            {
                using var content = new ByteArrayContent(batches[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var response = await http.PostAsync("/api/v1/events", content);
                response.EnsureSuccessStatusCode();
            }
        })));
        return clock.Elapsed;
    }

    public static List<byte[]> NdjsonBatches(IEnumerable<EngagementEvent> events, int batchSize) =>
        events.Chunk(batchSize).Select(batch => Encoding.UTF8.GetBytes(string.Join('\n', batch.Select(EventJson.Write)))).ToList();
}
