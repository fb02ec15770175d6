using System.Net;
using System.Text.Json.Nodes;

using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>SPEC §7 account endpoints, §3 ranges, problem answers.</summary>
public class AccountsApiTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Accounts_are_listed_with_their_settings_and_event_counts(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        await server.PostEventsAsync([
            Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }),
            Ev.Make("follow", "f2", 1, new { platform = "x", actor = "bob" }),
            Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }, account: "globex"),
        ]);
        var accounts = JsonNode.Parse(await server.GetStringAsync("/api/v1/accounts"))!.AsArray();
        Assert.Equal(["acme", "globex"], accounts.Select(a => (string)a!["account"]!));
        Assert.Equal([2L, 1L], accounts.Select(a => (long)a!["events"]!));
        Assert.Equal("USD", (string)accounts[0]!["currency"]!);
        Assert.Equal(30, (int)accounts[0]!["lookbackDays"]!);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Listing_accounts_reads_storage_and_activates_no_account_grain(string store)
    {
        await using var data = await TestStore.CreateAsync(store);
        await using (var first = await RunningServer.StartAsync(data))
        {
            await first.PostEventsAsync([
                Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }),
                Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }, account: "globex"),
            ]);
            using var put = await first.Http.PutAsync("/api/v1/accounts/initech",
                new StringContent("""{"displayName":"Initech","margin":0.25}""", System.Text.Encoding.UTF8, "application/json"));
            put.EnsureSuccessStatusCode();
        }
        await using var restarted = await RunningServer.StartAsync(data);
        var accounts = JsonNode.Parse(await restarted.GetStringAsync("/api/v1/accounts"))!.AsArray();
        Assert.Equal(["acme", "globex", "initech"], accounts.Select(a => (string)a!["account"]!));
        Assert.Equal(("Initech", 0.25m, 0L), ((string?)accounts[2]!["displayName"], (decimal)accounts[2]!["margin"]!, (long)accounts[2]!["events"]!));
        Assert.Equal(0, await restarted.ActiveAccountGrainsAsync());
        await restarted.GetStringAsync("/api/v1/accounts/globex/summary");
        Assert.Equal(1, await restarted.ActiveAccountGrainsAsync()); // the count sees an activation when there is one
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_summary_counts_events_in_the_half_open_range_and_tiers_as_of_its_end(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        await server.PostEventsAsync([
            Ev.Make("comment", "m1", 0, new { platform = "x", actor = "ann" }),      // exactly at from: inside
            Ev.Make("reply", "r1", 0.5, new { platform = "x", @ref = "m1" }),
            Ev.Make("like", "k1", 1, new { platform = "x", actor = "bob" }),
            Ev.Make("follow", "f1", 1, new { platform = "x", actor = "bob" }),
            Ev.Make("impression", "i1", 1, new { platform = "x", post = "p1", count = 250 }),
            Ev.Make("impression", "i2", 2, new { platform = "x", post = "p1" }),
            Ev.Make("purchase", "b1", 9, new { platform = "x", actor = "cy", amount = 40.5 }),
            Ev.Make("refund", "rf1", 9.5, new { @ref = "b1", amount = 10 }),
            Ev.Make("like", "k2", 10, new { platform = "x", actor = "dee" }),         // exactly at to: outside
        ]);
        var summary = await server.GetJsonAsync("/api/v1/accounts/acme/summary?from=2026-07-01&to=2026-07-11T00:00:00Z");

        Assert.Equal("2026-07-01T00:00:00Z", (string)summary["from"]!);
        Assert.Equal("2026-07-11T00:00:00Z", (string)summary["to"]!);
        Assert.Equal(1, (int)summary["comments"]!);
        Assert.Equal(1, (int)summary["likes"]!);
        Assert.Equal(251, (int)summary["impressions"]!);
        Assert.Equal(1, (int)summary["followers"]!);
        Assert.Equal(30.5m, (decimal)summary["revenue"]!);
        var audience = summary["audience"]!;
        Assert.Equal(3, (int)audience["total"]!);
        Assert.Equal(1, (int)audience["vanity"]!);
        Assert.Equal(1, (int)audience["conversational"]!);
        Assert.Equal(1, (int)audience["customer"]!);
        Assert.Equal(1.0 / 3, (double)summary["vanityShare"]!, 15);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_unknown_account_is_a_404_problem(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        using var response = await server.Http.GetAsync("/api/v1/accounts/nobody/summary");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("nobody", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Health_and_readiness_answer(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        Assert.Equal("ok\n", await server.GetStringAsync("/healthz"));
        Assert.Equal("ready\n", await server.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Operators_find_the_orleans_dashboard_at_dashboard()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        using var page = await server.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Orleans", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
