using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>The socialroi command line, run as a real process.</summary>
public class CliTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Import_stores_every_valid_line_reports_the_bad_ones_and_exits_3(string store)
    {
        await using var data = await TestStore.CreateAsync(store);
        var file = Path.Combine(Path.GetTempPath(), $"socialroi-import-{Guid.NewGuid():N}.ndjson");
        var events = RandomHistory.Make(seed: 5, size: 12_000);
        var lines = events.Select(e => e.ToJsonString()).ToList();
        lines.Insert(100, "{ this line is broken");
        lines.Insert(200, "");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            var (exitCode, output) = await SocialRoiProcess.RunAsync("import", file, "--storage", data.Uri);
            Assert.Equal(3, exitCode);
            Assert.Contains("12000 accepted, 0 duplicates, 1 rejected", output);
            Assert.Contains("event 100: line is not valid JSON", output);

            var again = await SocialRoiProcess.RunAsync("import", file, "--storage", data.Uri);
            Assert.Contains("0 accepted, 12000 duplicates, 1 rejected", again.Output);

            await using var storage = await data.OpenAsync();
            Assert.Equal(12_000, (await storage.ListAccountsAsync(CancellationToken.None)).Single(a => a.Account == "acme").Events);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Import_to_a_running_server_goes_through_its_grains_so_it_answers_with_the_events_at_once()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"socialroi-import-{Guid.NewGuid():N}.ndjson");
        var lines = RandomHistory.Make(seed: 6, size: 7_000).Select(e => e.ToJsonString()).ToList();
        lines.Insert(6_500, "{ this line is broken"); // in the second batch of 5,000: numbered by its line in the file
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            using var server = SocialRoiProcess.Serve(data.Uri);
            using var http = new HttpClient();
            await server.WaitUntilReadyAsync(http);
            // The server's account grain is active before the import, so only a write through it shows at once.
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri(server.Address, "/api/v1/accounts/acme/summary"))).StatusCode);

            var (exitCode, output) = await SocialRoiProcess.RunAsync("import", file, "--to", server.Address.ToString());
            Assert.Equal(3, exitCode);
            Assert.Contains("7000 accepted, 0 duplicates, 1 rejected", output);
            Assert.Contains("event 6500: line is not valid JSON", output);

            var accounts = JsonNode.Parse(await http.GetStringAsync(new Uri(server.Address, "/api/v1/accounts")))!.AsArray();
            Assert.Equal(7_000, (long)accounts.Single()!["events"]!);
            var summary = JsonNode.Parse(await http.GetStringAsync(new Uri(server.Address, "/api/v1/accounts/acme/summary?from=2026-06-01&to=2026-09-01")))!;
            Assert.True((int)summary["posts"]! > 0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Serve_takes_its_storage_from_SOCIALROI_STORAGE(string store)
    {
        await using var data = await TestStore.CreateAsync(store);
        using (var server = SocialRoiProcess.ServeWithEnvironment(new Dictionary<string, string> { ["SOCIALROI_STORAGE"] = data.Uri }))
        {
            using var http = new HttpClient();
            await server.WaitUntilReadyAsync(http);
            var body = new StringContent(Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(server.Address, "/api/v1/events"), body);
            response.EnsureSuccessStatusCode();
        }
        await using var storage = await data.OpenAsync();
        Assert.Single(await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None));
    }

    [Fact]
    public async Task Report_writes_the_same_quarterly_pack_as_the_api_from_a_running_server_or_its_own_silo()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Sqlite);
        var directory = Directory.CreateTempSubdirectory("socialroi-report-").FullName;
        try
        {
            string served;
            using (var server = SocialRoiProcess.Serve(data.Uri))
            {
                using var http = new HttpClient();
                await server.WaitUntilReadyAsync(http);
                await server.PostEventsAsync(http, RandomHistory.Make(seed: 8, size: 600));
                served = await http.GetStringAsync(new Uri(server.Address, "/api/v1/reports/quarterly?account=acme&quarter=2026Q3&format=json"));

                var remote = Path.Combine(directory, "remote.json");
                var (exitCode, output) = await SocialRoiProcess.RunAsync("report", "--account", "acme", "--quarter", "2026Q3", "--format", "json",
                    "--out", remote, "--to", server.Address.ToString());
                Assert.True(exitCode == 0, output);
                Assert.Equal(served, await File.ReadAllTextAsync(remote));
            }

            var own = Path.Combine(directory, "pack.html");
            var local = await SocialRoiProcess.RunAsync("report", "--account", "acme", "--quarter", "2026Q3", "--out", own, "--storage", data.Uri);
            Assert.True(local.ExitCode == 0, local.Output);
            var html = await File.ReadAllTextAsync(own);
            var kpi = JsonNode.Parse(served)!["kpis"]![0]!;
            Assert.Contains($"data-kpi=\"{kpi["name"]}\" data-value=\"{kpi["current"]!.ToJsonString()}\"", html);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Import_rejects_a_line_that_is_not_utf8_naming_its_byte_and_stores_the_others()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"socialroi-import-{Guid.NewGuid():N}.ndjson");
        var first = System.Text.Encoding.UTF8.GetBytes(Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }).ToJsonString() + "\n");
        var broken = System.Text.Encoding.UTF8.GetBytes("""{"id":"f2","account":"acme","type":"follow","at":"2026-07-01T00:00:00Z","platform":"x","actor":"b""");
        var last = System.Text.Encoding.UTF8.GetBytes("b\"}\n" + Ev.Make("follow", "f3", 1, new { platform = "x", actor = "cy" }).ToJsonString() + "\n");
        await File.WriteAllBytesAsync(file, [.. first, .. broken, 0xC3, .. last]); // 0xC3 starts a two-byte sequence that never ends
        try
        {
            var (exitCode, output) = await SocialRoiProcess.RunAsync("import", file, "--storage", data.Uri);
            Assert.Equal(3, exitCode);
            Assert.Contains("2 accepted, 0 duplicates, 1 rejected", output);
            Assert.Contains($"event 1: line is not valid UTF-8 at byte offset {first.Length + broken.Length} (0xC3)", output);
            await using var storage = await data.OpenAsync();
            Assert.Equal(["f1", "f3"], (await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None)).Select(e => e.Id).Order());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Import_of_a_missing_file_says_so_and_fails()
    {
        var (exitCode, output) = await SocialRoiProcess.RunAsync("import", "/no/such/events.ndjson", "--storage", "sqlite:/tmp/unused.db");
        Assert.Equal(2, exitCode);
        Assert.Contains("no file at /no/such/events.ndjson", output);
    }

    [Fact]
    public async Task A_storage_uri_that_is_not_supported_is_refused_with_the_forms_that_are()
    {
        var (exitCode, output) = await SocialRoiProcess.RunAsync("serve", "--storage", "mysql://db/socialroi");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("use sqlite:PATH", output);
    }

    [Theory]
    [InlineData("Snapshots__AtLeastEvery", "00:00:00", "Snapshots:AtLeastEvery must be a time longer than zero, like 00:15:00; got 00:00:00")]
    [InlineData("Snapshots__WhenQuietFor", "-00:01:00", "Snapshots:WhenQuietFor must be a time longer than zero, like 00:15:00; got -00:01:00")]
    [InlineData("Snapshots__AtLeastEvery", "15 minutes", "'15 minutes' at 'Snapshots:AtLeastEvery'")]
    [InlineData("Grains__CollectionAge", "00:00:30", "Grains:CollectionAge must be a time longer than 00:01:00 (how often idle accounts are looked for), like 00:15:00; got 00:00:30")]
    [InlineData("Grains__CollectionAge", "2 minutes", "'2 minutes' at 'Grains:CollectionAge'")]
    public async Task A_snapshot_or_collection_time_that_is_unreadable_or_too_short_is_refused_at_start_with_the_form_it_takes(string name, string value, string said)
    {
        await using var data = await TestStore.CreateAsync(TestStore.Sqlite);
        var (exitCode, output) = await SocialRoiProcess.RunAsync(new Dictionary<string, string> { [name] = value },
            "serve", "--storage", data.Uri, "--urls", $"http://127.0.0.1:{Services.FreeLoopbackPort()}");
        Assert.Equal(2, exitCode);
        Assert.Contains(said, output);
        Assert.Contains("like 00:15:00", output);
    }

    [Fact]
    public async Task The_demo_serves_the_seeded_accounts_within_a_minute()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Sqlite);
        using var http = new HttpClient();
        using var demo = await SocialRoiProcess.StartDemoAsync(data.Uri, http, within: TimeSpan.FromMinutes(1));
        Assert.Contains("18215 accepted", demo.Output);

        var accounts = JsonNode.Parse(await http.GetStringAsync(new Uri(demo.Address, "/api/v1/accounts")))!.AsArray();
        Assert.Equal(["fjord-outdoor", "lumen-studio", "northwind-coffee"], accounts.Select(a => (string)a!["account"]!));
        var summary = JsonNode.Parse(await http.GetStringAsync(new Uri(demo.Address,
            "/api/v1/accounts/northwind-coffee/summary?from=2026-06-01&to=2026-12-01")))!;
        Assert.True((decimal)summary["roi"]! > 0);
        Assert.True((decimal)JsonNode.Parse(await http.GetStringAsync(new Uri(demo.Address,
            "/api/v1/accounts/fjord-outdoor/summary?from=2026-06-01&to=2026-12-01")))!["roi"]! < 0);
    }
}
