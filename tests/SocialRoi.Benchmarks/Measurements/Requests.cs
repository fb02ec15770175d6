using System.Diagnostics;

namespace SocialRoi.Benchmarks.Measurements;

/// <summary>How the measurements time one request: until the whole answer is in, and it succeeded.</summary>
public static class Requests
{
    /// <summary>
    /// The answer is read to its last byte through a pooled buffer, not kept: the client runs in the
    /// server's process, and buffering a 900 KB funnel per request put ~2 MB of large-object garbage
    /// on the server's heap, which only a full collection of that heap (a million events) takes back.
    /// A BI tool does that in its own process.
    /// </summary>
    public static async Task<double> TimedGetAsync(HttpClient http, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using (var body = await response.Content.ReadAsStreamAsync()) await body.CopyToAsync(Stream.Null);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
