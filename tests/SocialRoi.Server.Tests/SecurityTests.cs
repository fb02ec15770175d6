using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;
using SocialRoi.Server.Security;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>SPEC §11: keys, scopes and accounts over real HTTP; keys stored hashed; spreadsheet-safe CSV.</summary>
public class SecurityTests
{
    private static readonly JsonObject AcmeFollow = Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" });
    private static readonly JsonObject BoltFollow = Ev.Make("follow", "f1", 1, new { platform = "x", actor = "bob" }, account: "bolt");

    /// <summary>A server on a store holding the given keys (scopes; accounts), their secrets by name.</summary>
    private static async Task<(RunningServer Server, Dictionary<string, string> Keys)> KeyedServerAsync(
        string[] configuration, params (string Name, string Scopes, string Accounts)[] keys)
    {
        var store = await TestStore.CreateAsync(TestStore.Sqlite);
        var secrets = new Dictionary<string, string>();
        await using (var storage = await store.OpenAsync())
        {
            foreach (var (name, scopes, accounts) in keys)
            {
                var key = ApiKeys.Create(scopes.Split(','), accounts.Split(','), DateTimeOffset.UtcNow);
                await storage.AddKeyAsync(key.Stored, CancellationToken.None);
                secrets[name] = key.Secret;
            }
            await storage.AppendAsync([Domain.Events.EventJson.Read(Json(AcmeFollow)), Domain.Events.EventJson.Read(Json(BoltFollow))], CancellationToken.None);
        }
        return (await RunningServer.StartOwningAsync(store, configuration), secrets);
    }

    private static string Json(JsonObject e) => e.ToJsonString();

    private static async Task<HttpStatusCode> Send(RunningServer server, string? key, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await server.Http.SendAsync(request);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("POST", "/api/v1/events", "acme-event", "ingest-acme", HttpStatusCode.OK)]
    [InlineData("POST", "/api/v1/events", "acme-event", "read-acme", HttpStatusCode.Forbidden)]
    [InlineData("POST", "/api/v1/events", "bolt-event", "ingest-acme", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/v1/accounts/acme/summary", null, "read-acme", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/accounts/acme/summary", null, "ingest-acme", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/v1/accounts/bolt/funnel", null, "read-acme", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/v1/accounts/bolt/health", null, "read-all", HttpStatusCode.OK)]
    [InlineData("PUT", "/api/v1/accounts/acme", "{\"margin\":0.5}", "admin-all", HttpStatusCode.OK)]
    [InlineData("PUT", "/api/v1/accounts/acme", "{\"margin\":0.5}", "read-all", HttpStatusCode.Forbidden)]
    [InlineData("PUT", "/api/v1/accounts/acme/goals", "[]", "admin-all", HttpStatusCode.OK)]
    [InlineData("PUT", "/api/v1/accounts/acme/goals", "[]", "ingest-acme", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/v1/accounts/acme/goals", null, "read-acme", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/reports/quarterly?account=bolt&quarter=2026Q3&format=json", null, "read-acme", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/v1/reports/quarterly?account=bolt&quarter=2026Q3&format=json", null, "read-all", HttpStatusCode.OK)]
    [InlineData("GET", "/metrics", null, "metrics-all", HttpStatusCode.OK)]
    [InlineData("GET", "/metrics", null, "read-all", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/dashboard/", null, "admin-all", HttpStatusCode.OK)]
    [InlineData("GET", "/dashboard/", null, "read-all", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/openapi/v1.json", null, "read-all", HttpStatusCode.OK)]
    [InlineData("GET", "/openapi/v1.json", null, "metrics-all", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/", null, "read-acme", HttpStatusCode.OK)]
    [InlineData("GET", "/", null, "ingest-acme", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/v1/accounts/acme/summary", null, null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/v1/accounts/acme/summary", null, "sr_not-a-key", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/metrics", null, null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/healthz", null, null, HttpStatusCode.OK)]
    [InlineData("GET", "/readyz", null, null, HttpStatusCode.OK)]
    public async Task Each_request_needs_a_key_with_its_scope_and_account(string method, string path, string? body, string? key, HttpStatusCode expected)
    {
        var (server, keys) = await KeyedServerAsync([],
            ("ingest-acme", Scopes.Ingest, "acme"), ("read-acme", Scopes.Read, "acme"), ("read-all", Scopes.Read, "*"),
            ("admin-all", Scopes.Admin, "*"), ("metrics-all", Scopes.Metrics, "*"));
        await using (server)
        {
            var json = body switch
            {
                "acme-event" => Json(Ev.Make("like", "l1", 2, new { platform = "x", actor = "ann" })),
                "bolt-event" => Json(Ev.Make("like", "l1", 2, new { platform = "x", actor = "ann" }, account: "bolt")),
                _ => body,
            };
            var secret = key is null ? null : keys.GetValueOrDefault(key, key);
            Assert.Equal(expected, await Send(server, secret, new HttpMethod(method), path, json));
        }
    }

    [Fact]
    public async Task A_key_lists_only_its_own_accounts_and_a_refused_batch_stores_nothing()
    {
        var (server, keys) = await KeyedServerAsync([], ("acme", "ingest,read", "acme"));
        await using (server)
        {
            server.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", keys["acme"]);
            var accounts = JsonNode.Parse(await server.GetStringAsync("/api/v1/accounts"))!.AsArray();
            Assert.Equal(["acme"], accounts.Select(a => (string)a!["account"]!));
            Assert.DoesNotContain("bolt", await server.GetStringAsync("/"));

            var mixed = new JsonArray(Ev.Make("like", "l9", 2, new { platform = "x", actor = "ann" }), Ev.Make("like", "l9", 2, new { platform = "x", actor = "ann" }, account: "bolt"));
            using var refused = await server.Http.PostAsync("/api/v1/events", new StringContent(mixed.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("bolt", await refused.Content.ReadAsStringAsync());
            Assert.DoesNotContain(await server.Storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None), e => e.Id == "l9");
        }
    }

    [Fact]
    public async Task Keys_created_or_revoked_in_storage_hold_on_a_running_server_within_seconds()
    {
        var (server, keys) = await KeyedServerAsync(["--Security:KeyRefreshSeconds=1"], ("first", Scopes.Read, "*"));
        await using (server)
        {
            Assert.Equal(HttpStatusCode.OK, await Send(server, keys["first"], HttpMethod.Get, "/api/v1/accounts"));
            var later = ApiKeys.Create([Scopes.Read], ["*"], DateTimeOffset.UtcNow);
            await server.Storage.AddKeyAsync(later.Stored, CancellationToken.None);
            var first = (await server.Storage.ListKeysAsync(CancellationToken.None)).Single(k => k.Id != later.Stored.Id);
            Assert.True(await server.Storage.RevokeKeyAsync(first.Id, DateTimeOffset.UtcNow, CancellationToken.None));

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && (await Send(server, keys["first"], HttpMethod.Get, "/api/v1/accounts") != HttpStatusCode.Unauthorized
                       || await Send(server, later.Secret, HttpMethod.Get, "/api/v1/accounts") != HttpStatusCode.OK))
                await Task.Delay(200);
            Assert.Equal(HttpStatusCode.Unauthorized, await Send(server, keys["first"], HttpMethod.Get, "/api/v1/accounts"));
            Assert.Equal(HttpStatusCode.OK, await Send(server, later.Secret, HttpMethod.Get, "/api/v1/accounts"));
        }
    }

    [Fact]
    public async Task Each_key_has_a_rate_limit_answered_with_429_and_retry_after()
    {
        var (server, keys) = await KeyedServerAsync(["--Security:RequestsPerSecond=1", "--Security:Burst=3"], ("a", Scopes.Read, "*"), ("b", Scopes.Read, "*"));
        await using (server)
        {
            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? limited = null;
            for (var i = 0; i < 8; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys["a"]);
                var response = await server.Http.SendAsync(request);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
            }
            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
            Assert.Equal(HttpStatusCode.OK, statuses[0]);
            Assert.NotNull(limited!.Headers.RetryAfter);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
            Assert.Equal(HttpStatusCode.OK, await Send(server, keys["b"], HttpMethod.Get, "/api/v1/accounts")); // another key has its own budget
            Assert.Equal(HttpStatusCode.OK, await Send(server, null, HttpMethod.Get, "/healthz"));            // probes are never limited
        }
    }

    [Fact]
    public async Task The_keys_cli_prints_a_key_once_and_stores_only_its_hash()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Sqlite);
        var created = await SocialRoiProcess.RunAsync("keys", "create", "--scopes", "ingest,read", "--accounts", "acme,bolt", "--storage", data.Uri);
        Assert.True(created.ExitCode == 0, created.Output);
        var secret = created.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal));
        Assert.True(secret.Length >= ApiKeys.Prefix.Length + 43, "at least 32 random bytes"); // base64url of 32 bytes is 43 characters

        var listed = await SocialRoiProcess.RunAsync("keys", "list", "--storage", data.Uri);
        Assert.Contains("ingest,read", listed.Output);
        Assert.DoesNotContain(secret, listed.Output);
        Assert.DoesNotContain(ApiKeys.Hash(secret), listed.Output);
        await using (var storage = await data.OpenAsync())
        {
            var stored = Assert.Single(await storage.ListKeysAsync(CancellationToken.None));
            Assert.Equal(ApiKeys.Hash(secret), stored.Hash);
            Assert.Equal(["acme", "bolt"], stored.Accounts);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = data.Uri["sqlite:".Length..];
        var bytes = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)) + (File.Exists(file + "-wal") ? Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file + "-wal")) : "");
        Assert.DoesNotContain(secret, bytes);

        var bad = await SocialRoiProcess.RunAsync("keys", "create", "--scopes", "read,root", "--accounts", "Acme", "--storage", data.Uri);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("\"root\" is not a scope", bad.Output);
        Assert.Contains("\"Acme\" is not an account name", bad.Output);
    }

    [Fact]
    public async Task Without_keys_serve_warns_and_refuses_to_listen_beyond_loopback()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Sqlite);
        var refused = await SocialRoiProcess.RunAsync("serve", "--storage", data.Uri, "--urls", $"http://0.0.0.0:{Services.FreeLoopbackPort()}");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("will not listen on http://0.0.0.0", refused.Output);
        Assert.Contains("socialroi keys create", refused.Output);

        using var open = SocialRoiProcess.Serve(data.Uri);
        using var http = new HttpClient();
        await open.WaitUntilReadyAsync(http);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!open.Output.Contains("Warning: no API key exists") && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Contains("Warning: no API key exists", open.Output);
    }

    [Fact]
    public async Task Csv_cells_that_a_spreadsheet_would_run_are_neutralised_and_numbers_stay_numbers()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite);
        await server.PostEventsAsync([
            Ev.Make("post", "p1", 1, new { platform = "x", post = "=HYPERLINK(\"http://evil\",\"x\")", campaign = "@SUM(A1)" }),
            Ev.Make("post", "p2", 1, new { platform = "x", post = "+1-1", campaign = "-2" }),
            Ev.Make("cost", "k1", 1, new { amount = 100, category = "ads" }),
        ]);
        var funnel = await server.GetStringAsync("/api/v1/accounts/acme/funnel?from=2026-07-01&to=2026-08-01&by=post&format=csv");
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",", funnel);
        Assert.Contains("\r\n'+1-1,", funnel);
        var campaigns = await server.GetStringAsync("/api/v1/accounts/acme/funnel?from=2026-07-01&to=2026-08-01&by=campaign&format=csv");
        Assert.Contains("\r\n'-2,", campaigns);
        Assert.Contains("\r\n'@SUM(A1),", campaigns);
        var roi = await server.GetStringAsync("/api/v1/accounts/acme/roi?from=2026-07-01&to=2026-08-01&format=csv");
        Assert.Contains(",-1,", roi); // ROI −100 %: a number, untouched
    }
}
