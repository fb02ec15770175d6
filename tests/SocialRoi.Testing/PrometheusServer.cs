using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SocialRoi.Testing;

/// <summary>
/// A real Prometheus (Debian's prometheus package) for tests: scraping given targets every second,
/// its data in a temporary directory, on a free loopback port; stopped and removed afterwards.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Job = "socialroi";

    private readonly Process _process;
    private readonly string _directory;

    private PrometheusServer(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Why Prometheus tests cannot run here, or null when they can.</summary>
    public static string? Unavailable => Services.Find("prometheus") is null || Services.Find("promtool") is null
        ? "Prometheus is not installed (no prometheus/promtool on PATH): apt-get install prometheus"
        : null;

    public static async Task<PrometheusServer> StartAsync(params Uri[] targets)
    {
        var directory = Directory.CreateTempSubdirectory("socialroi-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: {Job}
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(t => $"'{t.Authority}'"))}]
            """);
        var address = new Uri($"http://127.0.0.1:{Services.FreeLoopbackPort()}/");
        var start = new ProcessStartInfo(Services.Find("prometheus")!,
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}", $"--web.listen-address={address.Authority}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, directory, address);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var ready = await server.Http.GetAsync("-/ready");
                if (ready.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException("Prometheus did not become ready");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>An instant query through the HTTP API; throws when Prometheus reports an error.</summary>
    public async Task<JsonArray> QueryAsync(string promql)
    {
        var answer = await Http.GetFromJsonAsync<JsonObject>($"api/v1/query?query={Uri.EscapeDataString(promql)}");
        if ((string?)answer!["status"] != "success") throw new InvalidOperationException($"{promql}: {answer.ToJsonString()}");
        return answer["data"]!["result"]!.AsArray();
    }

    /// <summary>The values of a label on the series of a metric, as Grafana's label_values() asks for them.</summary>
    public async Task<JsonArray> LabelValuesAsync(string label, string match)
    {
        var answer = await Http.GetFromJsonAsync<JsonObject>($"api/v1/label/{label}/values?match[]={Uri.EscapeDataString(match)}");
        return answer!["data"]!.AsArray();
    }

    /// <summary>Waits until every target has been scraped at least the given number of times.</summary>
    public async Task WaitForScrapesAsync(int scrapes, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            var counts = await QueryAsync($"count_over_time(up{{job=\"{Job}\"}}[5m])");
            var up = await QueryAsync($"up{{job=\"{Job}\"}} == 1");
            if (counts.Count > 0 && up.Count == counts.Count && counts.All(c => double.Parse((string)c!["value"]![1]!, System.Globalization.CultureInfo.InvariantCulture) >= scrapes))
                return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"Prometheus did not scrape every target {scrapes} times within {within}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>A test that needs Prometheus or promtool: skipped, saying why, only where they are missing and not required.</summary>
public sealed class PrometheusFactAttribute : Xunit.FactAttribute
{
    public PrometheusFactAttribute()
    {
        if (PrometheusServer.Unavailable is { } reason && !Services.Required) Skip = reason;
    }
}
