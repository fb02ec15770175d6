using System.Net;
using System.Text.Json.Nodes;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>SPEC §8 health over HTTP, SPEC §9 quarterly pack in its three forms, and the front page.</summary>
public class HealthAndReportsTests
{
    private static readonly string Hostile = "<script>alert('x')</script>&\"";

    private static JsonObject[] Quarter3() =>
    [
        Ev.Make("post", "p1", 5, new { platform = "instagram", post = Hostile, promotional = true, contentHash = "h1" }),
        Ev.Make("comment", "c1", 6, new { platform = "instagram", actor = "ann", post = Hostile, sentiment = -0.8 }),
        Ev.Make("click", "k1", 7, new { platform = "instagram", actor = "ann", post = Hostile, owned = true }),
        Ev.Make("purchase", "b1", 8, new { platform = "instagram", actor = "ann", amount = 120 }),
        Ev.Make("like", "l1", 8, new { platform = "x", actor = "bob" }),
        Ev.Make("cost", "k-ads", 1, new { amount = 80, category = "ads", platform = "instagram" }),
        Ev.Make("cost", "k-q2", -40, new { amount = 50, category = "staff" }), // the quarter before
        Ev.Make("purchase", "b0", -30, new { customer = "c-old", amount = 10 }),
    ];

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Health_answers_every_check_as_of_an_instant_in_json_and_csv(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        await server.PostEventsAsync(Quarter3());
        var checks = JsonNode.Parse(await server.GetStringAsync("/api/v1/accounts/acme/health?asOf=2026-07-20"))!.AsArray();
        Assert.Equal(17, checks.Count);
        var ignored = checks.Single(c => (string)c!["id"]! == "ignored-complaints")!;
        Assert.Equal(("warn", 1.0), ((string)ignored["status"]!, (double)ignored["value"]!));
        Assert.Equal((1.0, 5.0), ((double)ignored["threshold"]!["warn"]!, (double)ignored["threshold"]!["fail"]!));
        var noGoals = checks.Single(c => (string)c!["id"]! == "no-goals")!;
        Assert.Null(noGoals["threshold"]!["warn"]);

        // As of before the complaint, it is not there yet.
        var earlier = JsonNode.Parse(await server.GetStringAsync("/api/v1/accounts/acme/health?asOf=2026-07-05"))!.AsArray();
        Assert.Equal("unknown", (string)earlier.Single(c => (string)c!["id"]! == "ignored-complaints")!["status"]!);

        var csv = (await server.GetStringAsync("/api/v1/accounts/acme/health?asOf=2026-07-20&format=csv")).Split("\r\n");
        Assert.Equal("id,status,value,threshold.warn,threshold.fail,message", csv[0]);
        Assert.StartsWith("ignored-complaints,warn,1,1,5,", csv.Single(l => l.StartsWith("ignored-complaints", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/api/v1/accounts/acme/health?asOf=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/accounts/nobody/health", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/reports/quarterly?quarter=2026Q3", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/reports/quarterly?account=acme&quarter=2026Q5", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/reports/quarterly?account=acme&format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/reports/quarterly?account=nobody", HttpStatusCode.NotFound)]
    public async Task Bad_health_and_report_requests_are_problems_that_say_what_to_fix(string path, HttpStatusCode status)
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await server.PostEventsAsync(Quarter3());
        using var response = await server.Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_quarterly_pack_carries_the_same_figures_in_html_json_and_csv(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        await server.PostEventsAsync(Quarter3());
        const string pack = "/api/v1/reports/quarterly?account=acme&quarter=2026Q3";
        var json = JsonNode.Parse(await server.GetStringAsync(pack + "&format=json"))!;
        var html = await server.GetStringAsync(pack);
        var csv = await server.GetStringAsync(pack + "&format=csv");

        Assert.Equal(("2026Q3", "2026Q2"), ((string)json["quarter"]!, (string)json["previousQuarter"]!));
        var kpis = json["kpis"]!.AsArray().ToDictionary(k => (string)k!["name"]!);
        Assert.Equal(["cost", "attributedRevenue", "roi", "newCustomers", "cac", "realAudience", "vanityShare", "responseRate"], kpis.Keys);
        Assert.Equal((80m, 50m, 30m), ((decimal)kpis["cost"]!["current"]!, (decimal)kpis["cost"]!["previous"]!, (decimal)kpis["cost"]!["change"]!));
        Assert.Equal(120m, (decimal)kpis["attributedRevenue"]!["current"]!);
        // (120 × margin 1 − 80) / 80 now; (0 − 50) / 50 in the quarter before, whose only purchase was direct.
        Assert.Equal((0.5m, -1m, 1.5m), ((decimal)kpis["roi"]!["current"]!, (decimal)kpis["roi"]!["previous"]!, (decimal)kpis["roi"]!["change"]!));
        Assert.Equal((1m, 1m, 0m), ((decimal)kpis["newCustomers"]!["current"]!, (decimal)kpis["newCustomers"]!["previous"]!, (decimal)kpis["newCustomers"]!["change"]!));
        Assert.Equal(Hostile, (string)json["topPosts"]![0]!["key"]!);
        Assert.Equal("last_touch", (string)json["methodology"]!["model"]!);

        foreach (var (name, kpi) in kpis)
        {
            Assert.Contains($"data-kpi=\"{name}\" data-value=\"{Raw(kpi!["current"])}\"", html);
            Assert.Contains($"kpis,{name},current,{Raw(kpi!["current"])}\r\n", csv);
        }
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Hostile, html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("href=\"http", html);
        Assert.Contains("<svg", html);
        Assert.Contains("topPosts,", csv);
        Assert.Contains("health,ignored-complaints,status,", csv);
    }

    private static string Raw(JsonNode? value) => value?.ToJsonString() ?? "";

    [Fact]
    public async Task The_front_page_lists_every_account_with_its_kpis_worst_checks_and_links()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await server.PostEventsAsync(Quarter3()
            .Append(Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }, account: "globex"))
            .Append(Ev.Make("follow", "f1", 1, new { platform = "x", actor = "bob" }, account: "beta")));
        using var response = await server.Http.GetAsync("/");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        // Every account, in the order of their ids.
        var headings = new[] { "<h2>acme</h2>", "<h2>beta</h2>", "<h2>globex</h2>" }.Select(h => html.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, headings);
        Assert.Equal(headings.Order(), headings);
        Assert.Contains("/api/v1/reports/quarterly?account=acme&amp;quarter=", html);
        Assert.Contains("/api/v1/accounts/globex/health", html);
        Assert.Contains("no-goals", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
