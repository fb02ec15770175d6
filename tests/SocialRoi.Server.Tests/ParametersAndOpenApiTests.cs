using System.Net;
using System.Text.Json.Nodes;

using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>Every read endpoint refuses bad parameters by name; the OpenAPI document describes every endpoint and field.</summary>
public class ParametersAndOpenApiTests
{
    [Theory]
    [InlineData("summary?from=yesterday", "from")]
    [InlineData("summary?to=2026-07-01T00:00:00", "to")]
    [InlineData("summary?from=2026-08-01&to=2026-07-01", "from")]
    [InlineData("summary?model=most_recent", "model")]
    [InlineData("funnel?by=country", "by")]
    [InlineData("funnel?model=shapley", "model")]
    [InlineData("funnel?from=2026-13-01", "from")]
    [InlineData("roi?interval=week", "interval")]
    [InlineData("roi?from=2026-08-01&to=2026-08-01", "from")]
    [InlineData("audience?limit=1001", "limit")]
    [InlineData("audience?limit=0", "limit")]
    [InlineData("audience?tier=fan", "tier")]
    [InlineData("audience?after=nocolon", "after")]
    [InlineData("summary?format=xml", "format")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await server.PostEventsAsync([Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" })]);
        using var response = await server.Http.GetAsync($"/api/v1/accounts/acme/{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(parameter, (string)problem["parameter"]!);
        Assert.StartsWith(parameter, (string)problem["detail"]!); // the detail names it too, for people
    }

    [Fact]
    public async Task Queries_at_the_ends_of_the_calendar_answer_like_any_other()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await server.PostEventsAsync([Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" })]);
        // What is reckoned from these (90 days before, the next month or quarter) lies off the calendar.
        string[] paths =
        [
            "accounts/acme/summary?to=0001-01-02", "accounts/acme/funnel?to=0001-01-02", "accounts/acme/audience?to=0001-01-02",
            "accounts/acme/health?asOf=0001-01-02", "accounts/acme/roi?to=0001-01-02",
            "accounts/acme/roi?from=9999-12-01&to=9999-12-31T23:59:59.9999999Z",
            "accounts/acme/roi?interval=month&from=9999-11-01&to=9999-12-31T23:59:59.9999999Z",
            "reports/quarterly?account=acme&quarter=9999Q4&format=json",
        ];
        foreach (var path in paths)
        {
            using var response = await server.Http.GetAsync($"/api/v1/{path}");
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        }
        var early = JsonNode.Parse(await server.GetStringAsync("/api/v1/accounts/acme/roi?to=0001-01-02"))!.AsArray().Single()!;
        Assert.Equal("0001Q1", (string)early["period"]!);
        var late = JsonNode.Parse(await server.GetStringAsync("/api/v1/accounts/acme/roi?interval=month&from=9999-11-01&to=9999-12-31T23:59:59.9999999Z"))!.AsArray();
        Assert.Equal(["9999-11", "9999-12"], late.Select(row => (string)row!["period"]!));
        Assert.Equal("9999-12-31T23:59:59.9999999Z", (string)late[^1]!["end"]!);
    }

    [Theory]
    [InlineData("funnel")]
    [InlineData("roi")]
    [InlineData("audience")]
    public async Task Every_account_view_of_an_unknown_account_is_a_404(string view)
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        using var response = await server.Http.GetAsync($"/api/v1/accounts/nobody/{view}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/events", HttpStatusCode.MethodNotAllowed)]
    public async Task Unknown_paths_and_methods_answer_problem_json(string method, string path, HttpStatusCode status)
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        using var response = await server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_and_its_fields()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        var document = await server.GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[]
        {
            "/api/v1/events", "/api/v1/accounts", "/api/v1/accounts/{account}", "/api/v1/accounts/{account}/summary",
            "/api/v1/accounts/{account}/funnel", "/api/v1/accounts/{account}/roi", "/api/v1/accounts/{account}/audience",
            "/api/v1/accounts/{account}/goals", "/healthz", "/readyz",
        })
            Assert.True(paths.ContainsKey(path), $"OpenAPI lacks {path}");

        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.Contains("attributedRevenue", schemas["FunnelRow"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains("costByCategory", schemas["RoiRow"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains("vanityShare", schemas["AccountSummary"]!["properties"]!.AsObject().Select(p => p.Key));
        var eventBody = paths["/api/v1/events"]!["post"]!["requestBody"]!["content"]!.AsObject();
        Assert.Equal(["application/json", "application/x-ndjson"], eventBody.Select(c => c.Key));
        var eventSchema = eventBody["application/json"]!["schema"]!["items"]!;
        Assert.Contains("contentHash", eventSchema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["id", "account", "type", "at"], eventSchema["required"]!.AsArray().Select(r => (string)r!));
        var (amount, count) = (eventSchema["properties"]!["amount"]!, eventSchema["properties"]!["count"]!);
        Assert.Equal((0m, 1_000_000_000_000_000m), ((decimal)amount["minimum"]!, (decimal)amount["maximum"]!));
        Assert.Equal((1L, 1_000_000_000_000L), ((long)count["minimum"]!, (long)count["maximum"]!));
        var funnelParameters = paths["/api/v1/accounts/{account}/funnel"]!["get"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!);
        Assert.Equal(["account", "from", "to", "by", "model"], funnelParameters);
    }
}
