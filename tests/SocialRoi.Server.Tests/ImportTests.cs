using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>
/// SPEC §13: the exports a business already has become events. Each fixture in seeds/imports copies
/// its export's real header row and quirks; each is imported twice (the second time all
/// duplicates) and its figures checked by hand-worked expectations.
/// </summary>
public class ImportTests
{
    private const string Range = "from=2026-06-01&to=2026-09-01";

    private static async Task<JsonObject> ImportAsync(RunningServer server, string format, string file, string query = "account=shop", HttpStatusCode expected = HttpStatusCode.OK)
    {
        var bytes = await File.ReadAllBytesAsync(Repository.PathOf("seeds", "imports", file));
        using var response = await server.Http.PostAsync($"/api/v1/imports/{format}?{query}", new ByteArrayContent(bytes));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{format}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Imports twice: every event the first time, every one a duplicate the second.</summary>
    private static async Task ImportTwiceAsync(RunningServer server, string format, string file, int events, string query = "account=shop")
    {
        var first = await ImportAsync(server, format, file, query);
        Assert.Equal((events, 0, 0), ((int)first["accepted"]!, (int)first["duplicates"]!, first["rejected"]!.AsArray().Count));
        var again = await ImportAsync(server, format, file, query);
        Assert.Equal((0, events, 0), ((int)again["accepted"]!, (int)again["duplicates"]!, again["rejected"]!.AsArray().Count));
    }

    private static async Task<JsonObject> Summary(RunningServer server) => await server.GetJsonAsync($"/api/v1/accounts/shop/summary?{Range}");

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Shopify_orders_count_each_paid_order_once_at_its_total_with_refunds(string store)
    {
        await using var server = await RunningServer.StartAsync(store);
        await ImportTwiceAsync(server, "shopify-orders", "shopify-orders.csv", events: 5); // 3 paid orders (one over 2 item rows), 2 refunds; pending skipped
        var summary = await Summary(server);
        Assert.Equal(3, (int)summary["purchases"]!);
        Assert.Equal(120m + 1234.50m + 45m - 200m - 45m, (decimal)summary["revenue"]!);
        Assert.Equal(3, (int)summary["newCustomers"]!);
    }

    [Fact]
    public async Task Woocommerce_orders_read_semicolons_and_decimal_commas_and_count_an_order_over_several_rows_once()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await ImportTwiceAsync(server, "woocommerce-orders", "woocommerce-orders.csv", events: 3); // 311 (two rows), 312 + its refund; 313 cancelled
        var summary = await Summary(server);
        Assert.Equal(2, (int)summary["purchases"]!);
        Assert.Equal(1234.50m + 99.90m - 99.90m, (decimal)summary["revenue"]!);
    }

    [Fact]
    public async Task Stripe_payments_count_captured_paid_payments_with_their_refunds()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await ImportTwiceAsync(server, "stripe-payments", "stripe-payments.csv", events: 3); // 2 paid, 1 refund; the failed one skipped
        var summary = await Summary(server);
        Assert.Equal(2, (int)summary["purchases"]!);
        Assert.Equal(49m + 1200m - 300m, (decimal)summary["revenue"]!);
    }

    [Fact]
    public async Task Meta_ads_spend_becomes_ad_costs_by_campaign_and_platform_without_the_total_row()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await ImportTwiceAsync(server, "meta-ads", "meta-ads.csv", events: 4);
        var campaigns = JsonNode.Parse(await server.GetStringAsync($"/api/v1/accounts/shop/funnel?{Range}&by=campaign"))!.AsArray().ToDictionary(r => (string)r!["key"]!);
        Assert.Equal(25.20m + 12.20m + 25.00m, (decimal)campaigns["Summer sale"]!["cost"]!);
        Assert.Equal(1015.00m, (decimal)campaigns["Brand reels"]!["cost"]!);
        var platforms = JsonNode.Parse(await server.GetStringAsync($"/api/v1/accounts/shop/funnel?{Range}&by=platform"))!.AsArray().ToDictionary(r => (string)r!["key"]!);
        Assert.Equal(12.20m, (decimal)platforms["facebook"]!["cost"]!);
        var roi = JsonNode.Parse(await server.GetStringAsync($"/api/v1/accounts/shop/roi?{Range}"))!.AsArray();
        Assert.Equal(1077.40m, roi.Sum(r => (decimal)r!["costByCategory"]!["ads"]!)); // the file's own total row, not counted twice
    }

    [Fact]
    public async Task Google_ads_reports_skip_the_preamble_and_total_rows_and_read_thousands_separators()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await ImportTwiceAsync(server, "google-ads", "google-ads.csv", events: 3);
        var campaigns = JsonNode.Parse(await server.GetStringAsync($"/api/v1/accounts/shop/funnel?{Range}&by=campaign"))!.AsArray().ToDictionary(r => (string)r!["key"]!);
        Assert.Equal(1234.56m + 99.44m, (decimal)campaigns["Search - coffee"]!["cost"]!);
        Assert.Equal(10.00m, (decimal)campaigns["Brand"]!["cost"]!);
        Assert.Equal(1344.00m, (decimal)(await Summary(server))["cost"]!);
    }

    [Fact]
    public async Task Meta_lead_ads_become_leads_of_hashed_customers()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await ImportTwiceAsync(server, "meta-leads", "meta-leads.csv", events: 3); // one known only by phone number
        Assert.Equal(3, (int)(await Summary(server))["leads"]!);
        var customers = (await server.Storage.ReadAccountAsync("shop", new NamePool(), CancellationToken.None)).Select(e => e.Customer!).ToList();
        Assert.All(customers, c => Assert.Matches("^h:[0-9a-f]{32}$", c));
        Assert.Equal(3, customers.Distinct().Count());
    }

    [Fact]
    public async Task Post_exports_from_three_platforms_share_a_content_hash_for_the_same_text()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await ImportTwiceAsync(server, "meta-posts", "meta-posts.csv", events: 2);
        await ImportTwiceAsync(server, "x-posts", "x-posts.csv", events: 2);
        await ImportTwiceAsync(server, "linkedin-posts", "linkedin-posts.csv", events: 1);
        var summary = await Summary(server);
        Assert.Equal(5, (int)summary["posts"]!);
        var posts = (await server.Storage.ReadAccountAsync("shop", new NamePool(), CancellationToken.None)).ToList();
        var huila = posts.Where(p => p.Id is "meta-posts:18040000000000001" or "x-posts:1808000000000000001" or "linkedin-posts:7213000000000000001").ToList();
        Assert.Equal(["instagram", "linkedin", "x"], huila.Select(p => p.Platform!).Order());
        Assert.Single(huila.Select(p => p.ContentHash).Distinct());
        Assert.Equal(3, posts.Select(p => p.ContentHash).Distinct().Count()); // the Huila text, the summer sale, the roaster
        var sameEverywhere = JsonNode.Parse(await server.GetStringAsync("/api/v1/accounts/shop/health?asOf=2026-07-20"))!.AsArray()
            .Single(c => (string)c!["id"]! == "same-everywhere")!;
        Assert.Equal(1.0 / 3, (double)sameEverywhere["value"]!, 9); // 1 of the 3 texts went out on 3 platforms
    }

    [Fact]
    public async Task A_csv_with_a_mapping_turns_a_crm_export_into_identity_links()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        var map = Uri.EscapeDataString(await File.ReadAllTextAsync(Repository.PathOf("seeds", "imports", "crm-customers.map.json")));
        await ImportTwiceAsync(server, "csv", "crm-customers.csv", events: 2, query: $"account=shop&map={map}"); // the customer without Instagram is skipped
        await ImportTwiceAsync(server, "shopify-orders", "shopify-orders.csv", events: 5);
        // The CRM links ann.sips to the e-mail of Shopify order #1001, so that purchase makes her a customer.
        var audience = JsonNode.Parse(await server.GetStringAsync($"/api/v1/accounts/shop/audience?from=2026-07-01&to=2026-08-01"))!["items"]!.AsArray();
        var ann = audience.Single(m => (string)m!["actor"]! == "ann.sips")!;
        Assert.Equal(("customer", "instagram"), ((string)ann["tier"]!, (string)ann["platform"]!));
    }

    [Fact]
    public async Task The_same_email_in_a_shopify_order_and_a_meta_lead_is_one_customer_and_no_raw_email_is_stored()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await ImportTwiceAsync(server, "shopify-orders", "shopify-orders.csv", events: 5);
        await ImportTwiceAsync(server, "meta-leads", "meta-leads.csv", events: 3);
        var events = (await server.Storage.ReadAccountAsync("shop", new NamePool(), CancellationToken.None)).ToList();
        var order = events.Single(e => e.Id == "shopify:#1001");  // Ann@Example.com
        var lead = events.Single(e => e.Id == "meta-leads:l:900001"); // " ann@example.COM "
        Assert.Equal(order.Customer, lead.Customer);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = server.Store.Uri["sqlite:".Length..];
        var stored = string.Concat(new[] { file, file + "-wal" }.Where(File.Exists).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain("example.com", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("5550101", stored); // nor a phone number
    }

    [Fact]
    public async Task A_file_of_another_format_is_refused_whole_naming_the_missing_columns()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        var refused = await ImportAsync(server, "shopify-orders", "meta-ads.csv", expected: HttpStatusCode.BadRequest);
        var detail = (string)refused["detail"]!;
        Assert.Contains("not a shopify-orders export", detail);
        Assert.Contains("\"Financial Status\"", detail);
        Assert.Contains("\"Lineitem quantity\"", detail);
        Assert.Empty(await server.Storage.ReadAccountAsync("shop", new NamePool(), CancellationToken.None));

        var noAccount = await ImportAsync(server, "meta-ads", "meta-ads.csv", query: "", expected: HttpStatusCode.BadRequest);
        Assert.Contains("needs the account", (string)noAccount["detail"]!);
        var unknown = await ImportAsync(server, "tiktok-magic", "meta-ads.csv", expected: HttpStatusCode.BadRequest);
        Assert.Contains("format must be one of", (string)unknown["detail"]!);
    }

    [Fact]
    public async Task A_bad_cell_rejects_its_row_by_index_naming_column_value_and_rule_and_the_other_rows_are_stored()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        var csv = "Campaign performance report\nDay,Campaign status,Campaign,Cost\n2026-07-01,Enabled,A,12.00\n2026-07-02,Enabled,A,twelve\n2026-07-03,Enabled,A,\"1,000.00\"\n";
        using var response = await server.Http.PostAsync("/api/v1/imports/google-ads?account=shop", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, (int)report["accepted"]!);
        var rejection = report["rejected"]!.AsArray().Single()!;
        Assert.Equal(1, (int)rejection["index"]!); // data rows count from 0; the preamble and header take no index
        Assert.Equal("row 1: column \"Cost\" value \"twelve\": must be an amount like 1,234.50, $1,234.50 or 1.234,50", (string)rejection["error"]!);
    }

    [Fact]
    public async Task An_amount_no_event_takes_rejects_its_row_naming_the_column_and_the_other_rows_are_stored()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        var csv = "Day,Campaign status,Campaign,Cost\n2026-07-01,Enabled,A,12.00\n2026-07-02,Enabled,A,99999999999999999999999999999999999\n"
            + "2026-07-03,Enabled,A,\"2,000,000,000,000,000.00\"\n2026-07-04,Enabled,A,\"1,000,000,000,000,000.00\"\n";
        using var response = await server.Http.PostAsync("/api/v1/imports/google-ads?account=shop", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, (int)report["accepted"]!);
        Assert.Equal(
        [
            "row 1: column \"Cost\" value \"99999999999999999999999999999999999\": must be an amount of at most 1000000000000000 (10^15)",
            "row 2: column \"Cost\" value \"2,000,000,000,000,000.00\": must be an amount of at most 1000000000000000 (10^15)",
        ], report["rejected"]!.AsArray().Select(r => (string)r!["error"]!));
    }

    [Fact]
    public async Task The_guided_path_imports_a_shopify_export_and_a_meta_ads_report_from_the_command_line()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Sqlite);
        var shop = await SocialRoiProcess.RunAsync("import", Repository.PathOf("seeds", "imports", "shopify-orders.csv"), "--format", "shopify-orders", "--account", "northwind", "--storage", data.Uri);
        Assert.True(shop.ExitCode == 0, shop.Output);
        Assert.Contains("5 accepted, 0 duplicates, 0 rejected", shop.Output);
        var ads = await SocialRoiProcess.RunAsync("import", Repository.PathOf("seeds", "imports", "meta-ads.csv"), "--format", "meta-ads", "--account", "northwind", "--storage", data.Uri);
        Assert.True(ads.ExitCode == 0, ads.Output);
        Assert.Contains("4 accepted", ads.Output);
        await using var server = await RunningServer.StartAsync(data);
        var summary = await server.GetJsonAsync("/api/v1/accounts/northwind/summary?from=2026-07-01&to=2026-10-01");
        Assert.Equal(1077.40m, (decimal)summary["cost"]!);
        Assert.Equal(1077.40m / 3, (decimal)summary["cac"]!);
    }
}
