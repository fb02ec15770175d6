using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>SPEC §6: account settings and goals.</summary>
public class SettingsAndGoalsTests
{
    private static async Task<HttpResponseMessage> Put(RunningServer server, string path, string json) =>
        await server.Http.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonNode> Body(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Settings_change_only_the_fields_sent_and_shape_the_figures(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        await server.PostEventsAsync([
            Ev.Make("like", "t1", 1, new { platform = "x", actor = "ann", post = "p1" }),
            Ev.Make("purchase", "b1", 12, new { platform = "x", actor = "ann", amount = 200 }),
            Ev.Make("cost", "c1", 1, new { amount = 100 }),
        ]);
        const string summary = "/api/v1/accounts/acme/summary?from=2026-07-01&to=2026-08-01";
        Assert.Equal(1m, (decimal)(await server.GetJsonAsync(summary))["roi"]!);

        using var response = await Put(server, "/api/v1/accounts/acme", """{"margin": 0.25, "displayName": "Acme Shop"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var settings = await Body(response);
        Assert.Equal("Acme Shop", (string)settings["displayName"]!);
        Assert.Equal(30, (int)settings["lookbackDays"]!); // untouched
        Assert.Equal(-0.5m, (decimal)(await server.GetJsonAsync(summary))["roi"]!); // (200 × 0.25 − 100) / 100

        using var shorter = await Put(server, "/api/v1/accounts/acme", """{"lookbackDays": 7}""");
        Assert.Equal(0m, (decimal)(await server.GetJsonAsync(summary))["attributedRevenue"]!); // the like is 11 days old
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Bad_settings_are_a_400_naming_every_bad_field_and_change_nothing(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        using var response = await Put(server, "/api/v1/accounts/acme", """{"lookbackDays": 400, "margin": 1.5, "halfLifeDays": 0, "colour": "red"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (string)(await Body(response))["detail"]!;
        Assert.Contains("lookbackDays must be a whole number from 1 to 365, got 400", detail);
        Assert.Contains("margin must be a number from 0 to 1", detail);
        Assert.Contains("halfLifeDays must be a number of days greater than 0", detail);
        Assert.Contains("unknown field \"colour\"", detail);
        Assert.Equal("[]", await server.GetStringAsync("/api/v1/accounts"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_currency_can_be_chosen_before_money_arrives_and_not_changed_after(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        using (var before = await Put(server, "/api/v1/accounts/acme", """{"currency": "EUR"}"""))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var accounts = JsonNode.Parse(await server.GetStringAsync("/api/v1/accounts"))!.AsArray();
        Assert.Equal("EUR", (string)accounts.Single()!["currency"]!); // a configured account is listed before its first event

        var report = await server.PostEventsAsync([Ev.Make("purchase", "b1", 1, new { customer = "c1", amount = 5, currency = "EUR" })]);
        Assert.Equal(1, (int)report["accepted"]!);
        using var after = await Put(server, "/api/v1/accounts/acme", """{"currency": "USD"}""");
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        Assert.Contains("currency cannot change from EUR to USD", (string)(await Body(after))["detail"]!);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Goals_report_their_current_figure_over_their_own_range_and_whether_they_are_met(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        await server.PostEventsAsync([
            Ev.Make("purchase", "b1", 1, new { customer = "c1", amount = 120 }),
            Ev.Make("purchase", "b2", 40, new { customer = "c2", amount = 50 }),
            Ev.Make("like", "k1", 2, new { platform = "x", actor = "ann" }),
        ]);
        using var put = await Put(server, "/api/v1/accounts/acme/goals", """
            [
              { "id": "july-revenue", "metric": "revenue", "op": ">=", "target": 100, "from": "2026-07-01", "to": "2026-08-01" },
              { "id": "august-revenue", "metric": "revenue", "op": ">=", "target": 100, "from": "2026-08-01", "to": "2026-09-01" },
              { "id": "roi", "metric": "roi", "op": ">=", "target": 0, "from": "2026-07-01", "to": "2026-09-01" },
              { "id": "vanity", "metric": "vanityShare", "op": "<=", "target": 0.5, "from": "2026-07-01", "to": "2026-09-01" },
              { "id": "buyers", "metric": "audience.customer", "op": "<=", "target": 0, "from": "2026-07-01", "to": "2026-09-01" }
            ]
            """);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var goals = JsonNode.Parse(await server.GetStringAsync("/api/v1/accounts/acme/goals"))!.AsArray().ToDictionary(g => (string)g!["id"]!);
        Assert.Equal(120.0, (double)goals["july-revenue"]!["current"]!);
        Assert.True((bool)goals["july-revenue"]!["met"]!);
        Assert.Equal(50.0, (double)goals["august-revenue"]!["current"]!);
        Assert.False((bool)goals["august-revenue"]!["met"]!);
        Assert.Null(goals["roi"]!["current"]);        // no cost: roi is null,
        Assert.False((bool)goals["roi"]!["met"]!);    // and a null figure never meets a goal
        Assert.Equal(1.0, (double)goals["vanity"]!["current"]!);
        Assert.False((bool)goals["vanity"]!["met"]!);
        Assert.True((bool)goals["buyers"]!["met"]!);  // customer purchases only: no audience member bought

        using var replace = await Put(server, "/api/v1/accounts/acme/goals", "[]");
        Assert.Equal("[]", await server.GetStringAsync("/api/v1/accounts/acme/goals"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Bad_goals_are_a_400_naming_the_goal_and_field(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        await server.PostEventsAsync([Ev.Make("like", "k1", 2, new { platform = "x", actor = "ann" })]);
        using var response = await Put(server, "/api/v1/accounts/acme/goals", """
            [{ "id": "a", "metric": "likez", "op": ">", "target": "lots", "from": "2026-07-01", "to": "2026-06-01" }]
            """);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (string)(await Body(response))["detail"]!;
        Assert.Contains("goals[0].metric must be a numeric summary figure", detail);
        Assert.Contains("goals[0].op must be \">=\" or \"<=\", got \">\"", detail);
        Assert.Contains("goals[0].target must be a number", detail);
        Assert.Contains("goals[0].from must be earlier than goals[0].to", detail);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Goals_of_an_unknown_account_are_a_404(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        using var response = await server.Http.GetAsync("/api/v1/accounts/nobody/goals");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
