using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>
/// SPEC §10: GET /metrics, produced with OpenTelemetry, linted by promtool, one series per account.
/// OpenTelemetry listens to every meter of its name in the process, so these tests run alone: other
/// tests' servers in this process would add their series to the counts.
/// </summary>
[Collection(ProcessWideMetrics.Name)]
public class MetricsTests
{
    /// <summary>The socialroi_* families of a scrape: their HELP, TYPE and sample lines.</summary>
    private static string SocialRoiFamilies(string scrape) => string.Join('\n',
        scrape.Split('\n').Where(line => line.StartsWith("socialroi_", StringComparison.Ordinal)
            || line.StartsWith("# HELP socialroi_", StringComparison.Ordinal) || line.StartsWith("# TYPE socialroi_", StringComparison.Ordinal))) + "\n";

    private static IEnumerable<string> Samples(string scrape, string family) =>
        scrape.Split('\n').Where(line => line.StartsWith(family + "{", StringComparison.Ordinal));

    [PrometheusFact]
    public async Task Every_socialroi_family_of_the_demo_passes_promtool_check_metrics_with_no_finding()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Sqlite);
        using var http = new HttpClient();
        using var demo = await SocialRoiProcess.StartDemoAsync(data.Uri, http, within: TimeSpan.FromMinutes(1));

        var scrape = await http.GetStringAsync(new Uri(demo.Address, "/metrics"));
        var families = SocialRoiFamilies(scrape);
        foreach (var family in new[]
        {
            "socialroi_audience_members", "socialroi_followers", "socialroi_vanity_share_ratio", "socialroi_revenue", "socialroi_cost",
            "socialroi_roi_ratio", "socialroi_response_rate_ratio", "socialroi_first_response_median_seconds", "socialroi_first_response_p90_seconds",
            "socialroi_funnel", "socialroi_health_check_status", "socialroi_events_total", "socialroi_ingest_events_total",
            "socialroi_ingest_batch_duration_seconds", "socialroi_grain_activations", "socialroi_storage_write_duration_seconds",
        })
            Assert.Contains($"# TYPE {family} ", families);
        Assert.Contains("orleans_", scrape); // Orleans' own families, as Orleans names them

        var (exitCode, output) = await Promtool.RunAsync(families, Repository.Root, "check", "metrics");
        Assert.True(exitCode == 0 && output.Trim().Length == 0, $"promtool check metrics found: {output}");

        Assert.Contains(Samples(scrape, "socialroi_health_check_status"), line => line.Contains("account=\"fjord-outdoor\"") && line.Contains("check=\"no-goals\"") && line.EndsWith(" 2"));
        Assert.Contains(Samples(scrape, "socialroi_revenue"), line => line.Contains("account=\"northwind-coffee\"") && line.Contains("attribution=\"social\""));
    }

    private static JsonObject[] FourPlatformsOf(string account) =>
        new[] { "instagram", "tiktok", "x", "linkedin" }.Select((platform, i) =>
            Ev.Make("post", $"p{i}", 0, new { platform, post = $"{platform}-post" }, account: account)).ToArray();

    [Fact]
    public async Task Five_hundred_accounts_keep_every_series_past_opentelemetrys_default_cardinality_limit()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        var accounts = Enumerable.Range(0, 500).Select(i => $"shop-{i:D3}").ToList();
        await server.PostEventsAsync(accounts.SelectMany(FourPlatformsOf));
        Assert.Equal(500 * 4, Samples(await server.GetStringAsync("/metrics"), "socialroi_events_total").Count());
        // Posts made 2026-07-01 must fall in the trailing window, whenever the test runs: widen it.
        await using var wide = await RunningServer.StartAsync(server.Store, "--Metrics:WindowDays=3650");

        var scrape = await wide.GetStringAsync("/metrics");
        var funnel = Samples(scrape, "socialroi_funnel").ToList();
        Assert.Equal(500 * 4 * 5, funnel.Count); // 10,000 series in one family: over the default limit of 2,000
        Assert.Equal(500, funnel.Select(line => Regex.Match(line, "account=\"([^\"]+)\"").Groups[1].Value).Distinct().Count());
    }

    [Fact]
    public async Task Events_stored_are_counted_by_platform_and_type_and_a_resent_event_is_not_counted_again()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        JsonObject[] events =
        [
            .. Enumerable.Range(1, 3).Select(i => Ev.Make("like", $"l{i}", i, new { platform = "instagram", actor = $"fan{i}", post = "launch" }, account: "counted-shop")),
            Ev.Make("comment", "c1", 4, new { platform = "x", actor = "fan1", post = "launch" }, account: "counted-shop"),
        ];
        await server.PostEventsAsync(events);
        await server.PostEventsAsync([events[0], Ev.Make("like", "l4", 5, new { platform = "instagram", actor = "fan4", post = "launch" }, account: "counted-shop")]);

        var counted = Samples(await server.GetStringAsync("/metrics"), "socialroi_events_total").Where(line => line.Contains("account=\"counted-shop\"")).ToList();
        Assert.Equal(2, counted.Count);
        Assert.Contains(counted, line => line.Contains("platform=\"instagram\"") && line.Contains("type=\"like\"") && line.EndsWith(" 4"));
        Assert.Contains(counted, line => line.Contains("platform=\"x\"") && line.Contains("type=\"comment\"") && line.EndsWith(" 1"));
    }

    [Fact]
    public async Task At_most_MaxAccounts_accounts_get_gauges_busiest_first()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite, "--Metrics:MaxAccounts=2", "--Metrics:WindowDays=3650");
        await server.PostEventsAsync(FourPlatformsOf("quiet").Take(1)
            .Concat(FourPlatformsOf("busy"))
            .Concat(FourPlatformsOf("middling").Take(2)));
        var scrape = await server.GetStringAsync("/metrics");
        var shown = Samples(scrape, "socialroi_audience_members").Select(line => Regex.Match(line, "account=\"([^\"]+)\"").Groups[1].Value).Distinct().Order();
        Assert.Equal(["busy", "middling"], shown);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetrics
{
    public const string Name = "process-wide metrics";
}
