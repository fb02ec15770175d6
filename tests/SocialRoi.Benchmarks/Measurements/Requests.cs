using System.Diagnostics;

namespace SocialRoi.Benchmarks.Measurements;

/// <summary>How the measurements time one request: until the whole answer is in, and it succeeded.</summary>
public static class Requests
{
    public static async Task<double> TimedGetAsync(HttpClient http, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
