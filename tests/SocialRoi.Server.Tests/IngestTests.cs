using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>SPEC §7 POST /api/v1/events over real HTTP.</summary>
public class IngestTests
{
    private const string Summary = "/api/v1/accounts/acme/summary?from=2026-06-01&to=2026-08-01";

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_mixed_batch_stores_every_valid_event_and_names_each_rejected_one(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        var report = await server.PostEventsAsync([
            Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }),
            Ev.Make("follow", "f2", 1, new { platform = "X", actor = "bob" }),
            Ev.Make("like", "k1", 2, new { platform = "x", actor = "ann" }),
            Ev.Make("purchase", "b1", 3, new { platform = "x", actor = "ann", amount = -3.5 }),
            Ev.Make("purchase", "b2", 3, new { platform = "x", actor = "ann", amount = 20 }),
        ]);

        Assert.Equal(3, (int)report["accepted"]!);
        Assert.Equal(0, (int)report["duplicates"]!);
        var rejected = report["rejected"]!.AsArray();
        Assert.Equal([1, 3], rejected.Select(r => (int)r!["index"]!));
        Assert.Equal(["f2", "b1"], rejected.Select(r => (string)r!["id"]!));
        Assert.Equal("event 3 (\"b1\"): amount must be ≥ 0, got -3.5", (string)rejected[1]!["error"]!);

        var summary = await server.GetJsonAsync(Summary);
        Assert.Equal(1, (int)summary["follows"]!);
        Assert.Equal(1, (int)summary["likes"]!);
        Assert.Equal(1, (int)summary["purchases"]!);
        Assert.Equal(20m, (decimal)summary["revenue"]!);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Sending_the_same_events_again_changes_nothing(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        JsonObject[] batch = [
            Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }),
            Ev.Make("purchase", "b1", 3, new { platform = "x", actor = "ann", amount = 20 }),
        ];
        await server.PostEventsAsync(batch);
        var before = await server.GetStringAsync(Summary);

        var again = await server.PostEventsAsync(batch);
        Assert.Equal(0, (int)again["accepted"]!);
        Assert.Equal(2, (int)again["duplicates"]!);
        Assert.Empty(again["rejected"]!.AsArray());
        Assert.Equal(before, await server.GetStringAsync(Summary));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_same_id_with_different_content_is_rejected_and_the_stored_event_stays(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        await server.PostEventsAsync([Ev.Make("purchase", "b1", 3, new { platform = "x", actor = "ann", amount = 20 })]);
        var report = await server.PostEventsAsync([Ev.Make("purchase", "b1", 3, new { platform = "x", actor = "ann", amount = 99 })]);

        Assert.Contains("already stored with different content", (string)report["rejected"]![0]!["error"]!);
        Assert.Equal(20m, (decimal)(await server.GetJsonAsync(Summary))["revenue"]!);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_duplicate_inside_one_batch_counts_once(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        var follow = Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" });
        var report = await server.PostEventsAsync([follow, follow]);
        Assert.Equal(1, (int)report["accepted"]!);
        Assert.Equal(1, (int)report["duplicates"]!);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Ndjson_lines_are_indexed_without_blank_lines_and_a_bad_line_is_rejected_alone(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        var body = new StringBuilder()
            .Append(Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }).ToJsonString()).Append('\n')
            .Append("\n   \n")
            .Append("{not json\n")
            .Append(Ev.Make("like", "k1", 1, new { platform = "x", actor = "ann" }).ToJsonString()).Append("\r\n")
            .ToString();
        var report = await server.PostAsync(body, "application/x-ndjson");

        Assert.Equal(2, (int)report["accepted"]!);
        var rejected = report["rejected"]!.AsArray().Single()!;
        Assert.Equal(1, (int)rejected["index"]!);
        Assert.StartsWith("event 1: line is not valid JSON", (string)rejected["error"]!);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_single_event_object_is_a_batch_of_one(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        var report = await server.PostAsync(Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }).ToJsonString(), "application/json");
        Assert.Equal(1, (int)report["accepted"]!);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_json_body_that_does_not_parse_is_a_400_problem(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        using var response = await server.Http.PostAsync("/api/v1/events", new StringContent("[{\"id\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("not valid JSON", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_body_over_the_limit_is_a_413_problem_and_stores_nothing(string store)
    {
        await using var server = await RunningServer.StartAsync(store, "--Ingest:MaxBodyBytes=2048");
        var events = Enumerable.Range(0, 40).Select(i => Ev.Make("follow", $"f{i}", 1, new { platform = "x", actor = $"a{i}" }));
        var body = Ev.JsonArray(events);
        Assert.True(body.Length > 2048);

        using var response = await server.Http.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var accounts = await server.Http.GetAsync("/api/v1/accounts");
        Assert.Equal("[]", await accounts.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_account_currency_is_judged_at_ingest(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        var report = await server.PostEventsAsync([
            Ev.Make("purchase", "b1", 3, new { customer = "c1", amount = 20, currency = "EUR" }),
            Ev.Make("purchase", "b2", 3, new { customer = "c1", amount = 20, currency = "USD" }),
        ]);
        Assert.Equal(1, (int)report["accepted"]!);
        Assert.Equal("event 0 (\"b1\"): currency must equal the account currency USD, got \"EUR\"", (string)report["rejected"]![0]!["error"]!);
    }
}
