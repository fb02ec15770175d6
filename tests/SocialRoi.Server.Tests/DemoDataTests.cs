using System.Globalization;
using System.Text.Json.Nodes;

using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>The committed demo data set through the API: views agree with each other, CSV agrees with JSON.</summary>
public class DemoDataTests : IClassFixture<DemoDataTests.DemoServer>
{
    /// <summary>The demo data loaded once into a server on each kind of store.</summary>
    public sealed class DemoServer : IAsyncLifetime
    {
        private readonly Dictionary<string, RunningServer> _servers = [];

        public List<JsonObject> Events { get; } = [];

        public RunningServer On(string store) => _servers[store];

        public async Task InitializeAsync()
        {
            var path = SeedFile();
            Events.AddRange(File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()));
            foreach (var kind in TestStore.Kinds.Select(k => (string)k[0]))
            {
                var server = _servers[kind] = await RunningServer.StartAsync(kind);
                var report = await server.PostAsync(await File.ReadAllTextAsync(path), "application/x-ndjson");
                Assert.Empty(report["rejected"]!.AsArray());
                Assert.Equal(Events.Count, (int)report["accepted"]!);
            }
        }

        public async Task DisposeAsync()
        {
            foreach (var server in _servers.Values) await server.DisposeAsync();
        }

        private static string SeedFile()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds", "demo-events.ndjson");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("seeds/demo-events.ndjson not found above the test binaries");
        }
    }

    private readonly DemoServer _demo;

    public DemoDataTests(DemoServer demo) => _demo = demo;

    private static readonly string[][] Cases =
    [
        ["northwind-coffee", "from=2026-05-01&to=2026-12-01", "last_touch"],
        ["northwind-coffee", "from=2026-07-01&to=2026-10-01", "linear"],
        ["lumen-studio", "from=2026-06-15&to=2026-09-15", "time_decay"],
        ["fjord-outdoor", "from=2026-05-01&to=2026-12-01", "position_based"],
        ["fjord-outdoor", "from=2026-08-01&to=2026-09-01", "first_touch"],
    ];

    public static IEnumerable<object[]> AccountsRangesModels() =>
        TestStore.Kinds.SelectMany(kind => Cases.Select(c => new object[] { kind[0], c[0], c[1], c[2] }));

    private static readonly string[] CsvPaths =
    [
        "/api/v1/accounts/northwind-coffee/summary?from=2026-06-01&to=2026-12-01",
        "/api/v1/accounts/northwind-coffee/funnel?from=2026-06-01&to=2026-12-01&by=campaign&model=linear",
        "/api/v1/accounts/fjord-outdoor/funnel?from=2026-06-01&to=2026-12-01&by=post&model=time_decay",
        "/api/v1/accounts/lumen-studio/roi?from=2026-05-01&to=2026-12-01&interval=month",
        "/api/v1/accounts/lumen-studio/audience?from=2026-05-01&to=2026-12-01&limit=50",
        "/api/v1/accounts",
    ];

    public static IEnumerable<object[]> StoresAndPaths() =>
        TestStore.Kinds.SelectMany(kind => CsvPaths.Select(path => new object[] { kind[0], path }));

    [Theory]
    [MemberData(nameof(AccountsRangesModels))]
    public async Task Attributed_revenue_over_posts_adds_up_to_the_summary(string store, string account, string range, string model)
    {
        var summary = await _demo.On(store).GetJsonAsync($"/api/v1/accounts/{account}/summary?{range}&model={model}");
        var posts = JsonNode.Parse(await _demo.On(store).GetStringAsync($"/api/v1/accounts/{account}/funnel?{range}&by=post&model={model}"))!.AsArray();
        var platforms = JsonNode.Parse(await _demo.On(store).GetStringAsync($"/api/v1/accounts/{account}/funnel?{range}&by=platform&model={model}"))!.AsArray();

        var attributed = (decimal)summary["attributedRevenue"]!;
        Assert.True(attributed > 0);
        Assert.Equal(attributed, posts.Sum(row => (decimal)row!["attributedRevenue"]!), 6);
        Assert.Equal(attributed, platforms.Sum(row => (decimal)row!["attributedRevenue"]!), 6);
        Assert.Equal((int)summary["posts"]!, posts.Sum(row => (int)row!["posts"]!));
    }

    [Theory]
    [MemberData(nameof(AccountsRangesModels))]
    public async Task Platform_costs_plus_unallocated_costs_equal_the_summary_cost(string store, string account, string range, string model)
    {
        var summary = await _demo.On(store).GetJsonAsync($"/api/v1/accounts/{account}/summary?{range}&model={model}");
        var platforms = JsonNode.Parse(await _demo.On(store).GetStringAsync($"/api/v1/accounts/{account}/funnel?{range}&by=platform&model={model}"))!.AsArray();
        var bounds = range.Split('&').Select(p => DateTimeOffset.Parse(p.Split('=')[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)).ToArray();
        var unallocated = _demo.Events
            .Where(e => (string)e["account"]! == account && (string)e["type"]! == "cost" && e["platform"] is null)
            .Where(e => DateTimeOffset.Parse((string)e["at"]!, CultureInfo.InvariantCulture) is var at && at >= bounds[0] && at < bounds[1])
            .Sum(e => (decimal)e["amount"]!);

        var platformCosts = platforms.Sum(row => (decimal?)row!["cost"] ?? 0);
        Assert.True(platformCosts > 0 || account == "lumen-studio");
        Assert.Equal((decimal)summary["cost"]!, platformCosts + unallocated);
    }

    [Theory]
    [MemberData(nameof(StoresAndPaths))]
    public async Task Csv_carries_the_same_figures_as_json(string store, string path)
    {
        var json = JsonNode.Parse(await _demo.On(store).GetStringAsync(path))!;
        var rows = json switch
        {
            JsonArray array => array.Select(r => r!.AsObject()).ToList(),
            JsonObject page when page["items"] is JsonArray items => items.Select(r => r!.AsObject()).ToList(),
            JsonObject single => [single],
            _ => throw new InvalidOperationException(),
        };
        var csv = Csv.Parse(await _demo.On(store).GetStringAsync(path + (path.Contains('?') ? "&" : "?") + "format=csv"));
        var header = csv[0];
        Assert.Equal(rows.Count, csv.Count - 1);
        Assert.NotEmpty(rows);
        for (var r = 0; r < rows.Count; r++)
        {
            var flat = Csv.Flatten(rows[r]);
            Assert.Equal(flat.Keys, header);
            for (var c = 0; c < header.Count; c++) Assert.Equal(flat[header[c]], csv[r + 1][c]);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Csv_is_also_chosen_by_the_accept_header(string store)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts/northwind-coffee/roi?from=2026-05-01&to=2026-12-01");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await _demo.On(store).Http.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.StartsWith("period,start,end,cost,costByCategory.ads,costByCategory.staff,", lines[0]);
        Assert.StartsWith("2026Q2,2026-05-01T00:00:00Z,2026-07-01T00:00:00Z,", lines[1]);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_audience_pages_through_every_member_exactly_once(string store)
    {
        const string query = "/api/v1/accounts/lumen-studio/audience?from=2026-05-01&to=2026-12-01";
        var all = JsonNode.Parse(await _demo.On(store).GetStringAsync($"{query}&limit=1000"))!["items"]!.AsArray();
        var paged = new List<string>();
        string? after = null;
        do
        {
            var page = await _demo.On(store).GetJsonAsync($"{query}&limit=37" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
            paged.AddRange(page["items"]!.AsArray().Select(m => $"{m!["platform"]}:{m["actor"]}"));
            after = (string?)page["next"];
        } while (after is not null);

        Assert.Equal(all.Select(m => $"{m!["platform"]}:{m["actor"]}"), paged);
        var summary = await _demo.On(store).GetJsonAsync("/api/v1/accounts/lumen-studio/summary?from=2026-05-01&to=2026-12-01");
        Assert.Equal((int)summary["audience"]!["total"]!, all.Count);
        var customers = JsonNode.Parse(await _demo.On(store).GetStringAsync($"{query}&limit=1000&tier=customer"))!["items"]!.AsArray();
        Assert.Equal((int)summary["audience"]!["customer"]!, customers.Count);
        Assert.All(customers, m => Assert.Equal("customer", (string)m!["tier"]!));
    }
}

/// <summary>A strict RFC 4180 reader and the JSON flattening the contract describes, for comparing the two.</summary>
public static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear();
                rows.Add(row); row = [];
                i++;
            }
            else field.Append(c);
        }
        Assert.True(field.Length == 0 && row.Count == 0, "the CSV must end with CRLF");
        return rows;
    }

    public static Dictionary<string, string> Flatten(JsonObject json, string prefix = "")
    {
        var flat = new Dictionary<string, string>();
        foreach (var (name, value) in json)
        {
            if (value is JsonObject nested)
                foreach (var pair in Flatten(nested, $"{prefix}{name}.")) flat[pair.Key] = pair.Value;
            else
                flat[prefix + name] = value is null ? "" : value.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)value! : value.ToJsonString();
        }
        return flat;
    }
}
