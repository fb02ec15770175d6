using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using SocialRoi.Storage.Postgres;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>The PostgreSQL bi views give BI tools and Grafana the same figures as the API (last touch).</summary>
public class BiViewsTests(DemoDataTests.DemoServer demo) : IClassFixture<DemoDataTests.DemoServer>
{
    private RunningServer Server => demo.On(TestStore.Postgres);

    private async Task<List<Dictionary<string, object?>>> Query(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(PostgresStorage.ConnectionString(Server.Store.Uri));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }

    private string ReaderConnectionString =>
        new NpgsqlConnectionStringBuilder(PostgresStorage.ConnectionString(Server.Store.Uri)) { Username = "socialroi_reader", Password = null }.ConnectionString;

    private static decimal Number(object? value) =>
        value is JsonNode node ? (decimal)node : Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    // PostgreSQL divides numerics to 20 decimal places, .NET decimals to 28 digits: compare ratios to 15.
    private static decimal? Ratio(object? value) => value is null ? null : Math.Round(Number(value), 15);

    [PostgresFact]
    public async Task Daily_metrics_over_a_range_add_up_to_the_summary_and_the_platform_funnel()
    {
        foreach (var account in new[] { "northwind-coffee", "fjord-outdoor" })
        {
            var summary = await Server.GetJsonAsync($"/api/v1/accounts/{account}/summary?from=2026-06-01&to=2026-09-01");
            var totals = (await Query("""
                SELECT sum(posts) posts, sum(impressions) impressions, sum(likes) likes, sum(follows) follows, sum(comments) comments,
                       sum(clicks) clicks, sum(replies) replies, sum(leads) leads, sum(purchases) purchases,
                       sum(revenue) revenue, sum(attributed_revenue) "attributedRevenue", sum(cost) cost
                FROM bi.daily_account_metrics WHERE account = $1 AND day >= '2026-06-01' AND day < '2026-09-01'
                """, account)).Single();
            foreach (var (figure, value) in totals)
                Assert.True(Number(summary[figure]) == Number(value), $"{account} {figure}: API {summary[figure]}, view {value}");

            var platforms = JsonNode.Parse(await Server.GetStringAsync($"/api/v1/accounts/{account}/funnel?from=2026-06-01&to=2026-09-01&by=platform"))!.AsArray();
            var perPlatform = (await Query("""
                SELECT platform, sum(attributed_revenue) attributed, sum(cost) cost FROM bi.daily_account_metrics
                WHERE account = $1 AND day >= '2026-06-01' AND day < '2026-09-01' AND platform IS NOT NULL GROUP BY platform
                """, account)).ToDictionary(r => (string)r["platform"]!);
            foreach (var row in platforms)
            {
                var view = perPlatform[(string)row!["key"]!];
                Assert.Equal((decimal)row["attributedRevenue"]!, Number(view["attributed"]));
                Assert.Equal((decimal?)row["cost"] ?? 0, Number(view["cost"]));
            }
        }
    }

    [PostgresFact]
    public async Task Quarterly_roi_equals_the_api_per_quarter_including_the_accounts_margin()
    {
        using (var margin = await Server.Http.PutAsync("/api/v1/accounts/lumen-studio",
                   new StringContent("""{"margin": 0.35}""", System.Text.Encoding.UTF8, "application/json")))
            margin.EnsureSuccessStatusCode();
        foreach (var account in new[] { "northwind-coffee", "lumen-studio", "fjord-outdoor" })
        {
            var api = JsonNode.Parse(await Server.GetStringAsync($"/api/v1/accounts/{account}/roi?from=2026-04-01&to=2027-01-01&interval=quarter"))!
                .AsArray().ToDictionary(r => (string)r!["period"]!);
            var views = await Query("SELECT * FROM bi.quarterly_roi WHERE account = $1", account);
            Assert.Equal(api.Keys.Order(), views.Select(v => (string)v["period"]!).Order());
            foreach (var view in views)
            {
                var row = api[(string)view["period"]!]!;
                Assert.Equal((decimal)row["cost"]!, Number(view["cost"]));
                Assert.Equal((decimal)row["costByCategory"]!["staff"]!, Number(view["cost_staff"]));
                Assert.Equal((decimal)row["costByCategory"]!["ads"]!, Number(view["cost_ads"]));
                Assert.Equal((decimal)row["revenue"]!, Number(view["revenue"]));
                Assert.Equal((decimal)row["attributedRevenue"]!, Number(view["attributed_revenue"]));
                Assert.Equal(Ratio(row["roi"]), Ratio(view["roi"]));
                Assert.Equal(Ratio(row["cac"]), Ratio(view["cac"]));
                Assert.Equal((int)row["newCustomers"]!, (int)Number(view["new_customers"]));
            }
        }
    }

    [PostgresFact]
    public async Task Post_funnel_over_a_range_equals_the_api_funnel_by_post()
    {
        var api = JsonNode.Parse(await Server.GetStringAsync("/api/v1/accounts/northwind-coffee/funnel?from=2026-07-01&to=2026-10-01&by=post"))!.AsArray();
        var views = (await Query("""
            SELECT post, sum(posts) posts, sum(impressions) impressions, sum(likes) likes, sum(engagements) engagements,
                   sum(conversations) conversations, sum(attributed_leads) "attributedLeads",
                   sum(attributed_conversions) "attributedConversions", sum(attributed_revenue) "attributedRevenue"
            FROM bi.post_funnel WHERE account = 'northwind-coffee' AND day >= '2026-07-01' AND day < '2026-10-01' GROUP BY post
            """)).ToDictionary(r => (string)r["post"]!);
        Assert.Equal(api.Count, views.Count);
        foreach (var row in api)
        {
            var view = views[(string)row!["key"]!];
            foreach (var figure in new[] { "posts", "impressions", "likes", "engagements", "conversations", "attributedLeads", "attributedConversions", "attributedRevenue" })
                Assert.True(Number(view[figure]) == (decimal)row[figure]!, $"{row["key"]} {figure}: API {row[figure]}, view {view[figure]}");
        }
    }

    [PostgresFact]
    public async Task The_post_funnel_view_orders_touches_at_one_instant_by_the_UTF8_bytes_of_their_ids_as_the_api_does()
    {
        // SPEC §1: U+FF01 (EF BC 81 in UTF-8) comes before U+1F600 (F0 9F 98 80), so the emoji's like is the last touch.
        const string account = "utf8-ties";
        await Server.PostEventsAsync(
        [
            Ev.Make("post", "post-1", 0, new { platform = "x", post = "p1" }, account),
            Ev.Make("post", "post-2", 0, new { platform = "x", post = "p2" }, account),
            Ev.Make("like", "\uFF01", 1, new { platform = "x", actor = "ann", post = "p1" }, account),
            Ev.Make("like", "\U0001F600", 1, new { platform = "x", actor = "ann", post = "p2" }, account),
            Ev.Make("purchase", "b1", 2, new { platform = "x", actor = "ann", amount = 10 }, account),
        ]);
        var api = JsonNode.Parse(await Server.GetStringAsync($"/api/v1/accounts/{account}/funnel?from=2026-07-01&to=2026-08-01&by=post"))!.AsArray()
            .Select(row => (Post: (string)row!["key"]!, Revenue: (decimal)row["attributedRevenue"]!));
        var views = (await Query("SELECT post, sum(attributed_revenue) revenue FROM bi.post_funnel WHERE account = $1 GROUP BY post ORDER BY post", account))
            .Select(row => (Post: (string)row["post"]!, Revenue: Number(row["revenue"])));
        Assert.Equal([("p1", 0m), ("p2", 10m)], api);
        Assert.Equal([("p1", 0m), ("p2", 10m)], views);
    }

    [PostgresFact]
    public async Task Refunds_take_back_a_credited_purchase_on_their_own_days_in_every_view_as_in_the_api()
    {
        // b1 is refunded twice; b2 had no touch, so its refund takes back nothing; r4 refunds a lead.
        const string account = "refunds-views";
        await Server.PostEventsAsync(
        [
            Ev.Make("post", "post-1", 0, new { platform = "x", post = "p1", campaign = "spring" }, account),
            Ev.Make("like", "like-1", 1, new { platform = "x", actor = "ann", post = "p1" }, account),
            Ev.Make("like", "like-2", 1, new { platform = "x", actor = "cat", post = "p1" }, account),
            Ev.Make("purchase", "b1", 2, new { platform = "x", actor = "ann", amount = 100 }, account),
            Ev.Make("purchase", "b2", 2, new { platform = "x", actor = "bob", amount = 40 }, account),
            Ev.Make("lead", "l1", 2.5, new { platform = "x", actor = "ann" }, account),
            Ev.Make("purchase", "b3", 3, new { platform = "x", actor = "cat", amount = 60 }, account),
            Ev.Make("refund", "r1", 3, new { @ref = "b1", amount = 30 }, account),
            Ev.Make("refund", "r3", 4, new { @ref = "b2", amount = 40 }, account),
            Ev.Make("refund", "r2", 5, new { @ref = "b1", amount = 20 }, account),
            Ev.Make("refund", "r4", 6, new { @ref = "l1", amount = 5 }, account),
        ]);
        decimal[] expected = [0, 0, 100, 30, 0, -20, 0, 0];
        var daily = await AttributedByDay("SELECT day, sum(attributed_revenue) revenue FROM bi.daily_account_metrics WHERE account = $1 GROUP BY day", account);
        var byPost = await AttributedByDay("SELECT day, sum(attributed_revenue) revenue FROM bi.post_funnel WHERE account = $1 AND post = 'p1' GROUP BY day", account);
        var byCampaign = await AttributedByDay("SELECT day, sum(attributed_revenue) revenue FROM bi.campaign_funnel WHERE account = $1 AND campaign = 'spring' GROUP BY day", account);
        for (var day = 0; day < expected.Length; day++)
        {
            var date = Ev.Day0.AddDays(day);
            var summary = await Server.GetJsonAsync($"/api/v1/accounts/{account}/summary?from={date:yyyy-MM-dd}&to={date.AddDays(1):yyyy-MM-dd}");
            Assert.Equal(expected[day], Number(summary["attributedRevenue"]));
            var on = DateOnly.FromDateTime(date.UtcDateTime);
            Assert.Equal(expected[day], daily.GetValueOrDefault(on));
            Assert.Equal(expected[day], byPost.GetValueOrDefault(on));
            Assert.Equal(expected[day], byCampaign.GetValueOrDefault(on));
        }
        var quarter = (await Query("SELECT attributed_revenue FROM bi.quarterly_roi WHERE account = $1", account)).Single();
        Assert.Equal(110m, Number(quarter["attributed_revenue"]));
    }

    private async Task<Dictionary<DateOnly, decimal>> AttributedByDay(string sql, string account) =>
        (await Query(sql, account)).ToDictionary(row => (DateOnly)row["day"]!, row => Number(row["revenue"]));

    [PostgresFact]
    public async Task Campaign_funnel_over_a_range_equals_the_api_funnel_by_campaign()
    {
        foreach (var account in new[] { "northwind-coffee", "fjord-outdoor" })
        {
            var api = JsonNode.Parse(await Server.GetStringAsync($"/api/v1/accounts/{account}/funnel?from=2026-07-01&to=2026-10-01&by=campaign"))!.AsArray();
            var views = (await Query("""
                SELECT campaign, sum(posts) posts, sum(impressions) impressions, sum(likes) likes, sum(engagements) engagements,
                       sum(conversations) conversations, sum(attributed_leads) "attributedLeads",
                       sum(attributed_conversions) "attributedConversions", sum(attributed_revenue) "attributedRevenue", sum(cost) cost
                FROM bi.campaign_funnel WHERE account = $1 AND day >= '2026-07-01' AND day < '2026-10-01' GROUP BY campaign
                """, account)).ToDictionary(r => (string)r["campaign"]!);
            Assert.Equal(api.Count, views.Count);
            foreach (var row in api)
            {
                var view = views[(string)row!["key"]!];
                foreach (var figure in new[] { "posts", "impressions", "likes", "engagements", "conversations", "attributedLeads", "attributedConversions", "attributedRevenue" })
                    Assert.True(Number(view[figure]) == (decimal)row[figure]!, $"{account} {row["key"]} {figure}: API {row[figure]}, view {view[figure]}");
                Assert.Equal((decimal?)row["cost"] ?? 0, Number(view["cost"])); // the API's null cost (no cost event names the campaign) is 0 here
            }
        }
    }

    [PostgresFact]
    public async Task The_audience_view_lists_every_member_with_the_apis_tier()
    {
        var api = JsonNode.Parse(await Server.GetStringAsync("/api/v1/accounts/lumen-studio/audience?from=2000-01-01&to=2100-01-01&limit=1000"))!["items"]!.AsArray();
        var views = (await Query("SELECT * FROM bi.audience WHERE account = 'lumen-studio'")).ToDictionary(r => $"{r["platform"]}:{r["actor"]}");
        Assert.Equal(api.Count, views.Count);
        foreach (var member in api)
        {
            var view = views[$"{member!["platform"]}:{member["actor"]}"];
            Assert.Equal((string)member["tier"]!, (string)view["tier"]!);
            Assert.Equal((bool)member["following"]!, (bool)view["following"]!);
            Assert.Equal(DateTimeOffset.Parse((string)member["firstSeen"]!, CultureInfo.InvariantCulture), new DateTimeOffset((DateTime)view["first_seen"]!));
            Assert.Equal((string?)member["customer"], (string?)view["customer"]);
        }
    }

    [PostgresFact]
    public async Task The_accounts_view_lists_every_account_with_the_apis_settings_and_event_count()
    {
        // An account whose settings came before its first event is listed too, as the API lists it.
        (await Server.Http.PutAsync("/api/v1/accounts/settings-first", new StringContent("""{ "displayName": "Settings first", "margin": 0.25 }""", System.Text.Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();
        var api = JsonNode.Parse(await Server.GetStringAsync("/api/v1/accounts"))!.AsArray();
        var views = (await Query("SELECT * FROM bi.accounts")).ToDictionary(r => (string)r["account"]!);
        Assert.Equal(api.Select(a => (string)a!["account"]!).Order(StringComparer.Ordinal), views.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("settings-first", views.Keys);
        foreach (var account in api)
        {
            var view = views[(string)account!["account"]!];
            Assert.Equal((string?)account["displayName"], (string?)view["display_name"]);
            Assert.Equal((string)account["currency"]!, (string)view["currency"]!);
            Assert.Equal((int)account["lookbackDays"]!, (int)view["lookback_days"]!);
            Assert.Equal((double)account["halfLifeDays"]!, (double)view["half_life_days"]!);
            Assert.Equal((decimal)account["margin"]!, Number(view["margin"]));
            Assert.Equal((long)account["events"]!, (long)view["events"]!);
        }
    }

    [PostgresFact]
    public async Task Each_view_asked_for_one_account_reads_only_that_accounts_events()
    {
        foreach (var view in new[] { "daily_account_metrics", "quarterly_roi", "post_funnel", "campaign_funnel", "audience" })
        {
            var plan = JsonNode.Parse((string)(await Query($"EXPLAIN (FORMAT JSON) SELECT * FROM bi.{view} WHERE account = 'lumen-studio'"))[0]["QUERY PLAN"]!)!;
            var scans = Descendants(plan).Where(node => (string?)node["Relation Name"] == "events").ToList();
            Assert.NotEmpty(scans);
            foreach (var scan in scans)
            {
                var conditions = string.Join(" ", new[] { "Index Cond", "Recheck Cond", "Filter" }.Select(key => (string?)scan[key]));
                Assert.True(conditions.Contains("account =", StringComparison.Ordinal),
                    $"bi.{view} for one account reads every account's events: {scan["Node Type"]} with {conditions}");
            }
        }
    }

    [PostgresFact]
    public async Task The_reader_role_runs_the_views_without_compiling_them_first()
    {
        // With a cost threshold of 0 PostgreSQL JIT-compiles every query it can: the owner's session
        // shows the views would be compiled; the reader's, as Grafana logs in, must compile none.
        var owner = PostgresStorage.ConnectionString(Server.Store.Uri);
        foreach (var view in new[] { "daily_account_metrics", "post_funnel", "campaign_funnel", "audience" })
        {
            Assert.NotNull(await JitOfAsync(owner, view));
            var reader = await JitOfAsync(ReaderConnectionString, view);
            Assert.True(reader is null, $"bi.{view} was compiled before it ran for the reader: {reader}");
        }
    }

    private static async Task<JsonNode?> JitOfAsync(string connectionString, string view)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var threshold = new NpgsqlCommand("SET jit_above_cost = 0", connection)) await threshold.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand($"EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM bi.{view} WHERE account = 'lumen-studio'", connection);
        return JsonNode.Parse((string)(await explain.ExecuteScalarAsync())!)![0]!["JIT"];
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode node) => node switch
    {
        JsonObject item => item.Select(pair => pair.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(item),
        JsonArray items => items.OfType<JsonNode>().SelectMany(Descendants),
        _ => [],
    };

    [PostgresFact]
    public async Task The_reader_role_reads_bi_and_is_refused_on_the_event_log()
    {
        await using var connection = new NpgsqlConnection(ReaderConnectionString);
        await connection.OpenAsync();
        foreach (var view in new[] { "accounts", "daily_account_metrics", "quarterly_roi", "post_funnel", "campaign_funnel", "audience" })
        {
            await using var select = new NpgsqlCommand($"SELECT count(*) FROM bi.{view}", connection);
            Assert.True((long)(await select.ExecuteScalarAsync())! > 0, $"bi.{view} is empty");
        }
        foreach (var table in new[] { "events", "accounts", "orleans_grain_state", "orleans_membership", "orleansquery", "event_fields" })
        {
            await using var select = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => select.ExecuteScalarAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }
}
