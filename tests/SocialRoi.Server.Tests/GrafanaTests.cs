using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using SocialRoi.Storage.Postgres;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>
/// The Grafana boards and alerts, proven without Grafana: every panel's query runs against a real
/// Prometheus scraping SocialRoi and against the PostgreSQL bi views as the read-only role.
/// </summary>
public class GrafanaTests
{
    private const string Prometheus = "socialroi-prometheus", Postgres = "socialroi-postgres";
    private static readonly DateTimeOffset From = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<(string File, JsonObject Board)> Boards() =>
        Directory.GetFiles(Repository.PathOf("dashboards"), "*.json").Order(StringComparer.Ordinal)
            .Select(file => (Path.GetFileName(file), JsonNode.Parse(File.ReadAllText(file))!.AsObject())).ToList();

    private static IEnumerable<JsonObject> Panels(JsonObject board) => board["panels"]!.AsArray().Select(p => p!.AsObject());

    private static IEnumerable<JsonObject> Variables(JsonObject board) => board["templating"]!["list"]!.AsArray().Select(v => v!.AsObject());

    [Fact]
    public void Every_board_has_a_fixed_uid_provisioned_datasources_and_a_title_unit_and_description_on_every_panel()
    {
        var provisioned = Regex.Matches(File.ReadAllText(Repository.PathOf("Grafana", "provisioning", "datasources", "socialroi.yaml")), @"^\s*uid:\s*(\S+)", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(new HashSet<string> { Prometheus, Postgres }, provisioned);
        var boards = Boards();
        Assert.Equal(4, boards.Count);
        Assert.Equal(boards.Count, boards.Select(b => (string)b.Board["uid"]!).Distinct().Count());
        foreach (var (file, board) in boards)
        {
            Assert.True((int)board["schemaVersion"]! >= 39, $"{file}: schemaVersion");
            Assert.False(string.IsNullOrWhiteSpace((string?)board["title"]), $"{file}: title");
            Assert.Superset(new HashSet<string> { "account", "platform" }, Variables(board).Select(v => (string)v["name"]!).ToHashSet());
            foreach (var variable in Variables(board))
                Assert.Contains((string)variable["datasource"]!["uid"]!, provisioned);
            var panels = Panels(board).ToList();
            Assert.Equal(panels.Count, panels.Select(p => (int)p["id"]!).Distinct().Count());
            foreach (var panel in panels)
            {
                var name = $"{file}: \"{panel["title"]}\"";
                Assert.False(string.IsNullOrWhiteSpace((string?)panel["title"]), $"{file}: a panel without a title");
                Assert.False(string.IsNullOrWhiteSpace((string?)panel["description"]), $"{name} has no description");
                Assert.False(string.IsNullOrWhiteSpace((string?)panel["fieldConfig"]?["defaults"]?["unit"]), $"{name} has no unit");
                Assert.Contains((string)panel["datasource"]!["uid"]!, provisioned);
                var targets = panel["targets"]!.AsArray();
                Assert.NotEmpty(targets);
                Assert.All(targets, t => Assert.Equal((string)panel["datasource"]!["uid"]!, (string)t!["datasource"]!["uid"]!));
            }
        }
        Assert.Contains(boards, b => (string)b.Board["title"]! == "Social ROI — live");
        Assert.Contains(boards, b => (string)b.Board["title"]! == "Content → conversation → revenue");
        Assert.Contains(boards, b => (string)b.Board["title"]! == "Executive quarterly");
        Assert.Contains(boards, b => (string)b.Board["title"]! == "SocialRoi — operations");
    }

    [PrometheusFact]
    public async Task The_alerting_rules_pass_promtool_check_and_their_unit_tests_fire_and_stay_silent_as_written()
    {
        var alerts = Repository.PathOf("Grafana", "alerts");
        var check = await Promtool.RunAsync(null, alerts, "check", "rules", "socialroi.rules.yml");
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("SUCCESS: 5 rules found", check.Output);
        var test = await Promtool.RunAsync(null, alerts, "test", "rules", "socialroi.rules.test.yml");
        Assert.True(test.ExitCode == 0, test.Output);
    }

    [PrometheusFact]
    public async Task Every_panel_query_returns_data_and_every_platform_a_panel_shows_is_a_choice_of_its_board()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Postgres);
        using var http = new HttpClient();
        using var demo = await SocialRoiProcess.StartDemoAsync(data.Uri, http, within: TimeSpan.FromMinutes(2));
        // Beside the demo, an account active on a platform no one follows it on: its funnel must still be on the boards.
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var unfollowed = await http.PostAsync(new Uri(demo.Address, "api/v1/events"), new StringContent($$"""
            [{"id": "p1", "account": "pinboard-probe", "type": "post", "at": "{{yesterday}}", "platform": "pinterest", "post": "pin-1"},
             {"id": "c1", "account": "pinboard-probe", "type": "click", "at": "{{yesterday}}", "platform": "pinterest", "actor": "ana", "post": "pin-1"}]
            """, System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains("\"accepted\":2", await unfollowed.Content.ReadAsStringAsync());
        await using var prometheus = await PrometheusServer.StartAsync(demo.Address);
        await prometheus.WaitForScrapesAsync(5, TimeSpan.FromMinutes(1));

        var reader = new NpgsqlConnectionStringBuilder(PostgresStorage.ConnectionString(data.Uri)) { Username = "socialroi_reader", Password = null };
        await using var connection = new NpgsqlConnection(reader.ConnectionString);
        await connection.OpenAsync();

        var checkedQueries = 0;
        foreach (var (file, board) in Boards())
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var variable in Variables(board))
            {
                var name = (string)variable["name"]!;
                var options = (string)variable["datasource"]!["uid"]! == Prometheus
                    ? await LabelValues(prometheus, Substitute((string)variable["definition"]!, values))
                    : (await Rows(connection, ExpandSql((string)variable["definition"]!, values))).Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!).ToList();
                Assert.True(options.Count > 0, $"{file}: variable {name} has no values");
                values[name] = Preferred(name, options, demo.Address);
            }
            foreach (var panel in Panels(board))
            {
                foreach (var target in panel["targets"]!.AsArray())
                {
                    var what = $"{file}: \"{panel["title"]}\" {target!["refId"]}";
                    if ((string)target["datasource"]!["uid"]! == Prometheus)
                    {
                        var query = Substitute((string)target["expr"]!, values);
                        var series = await prometheus.QueryAsync(query);
                        Assert.True(series.Count > 0, $"{what}: no series for {query}");
                    }
                    else
                    {
                        var sql = ExpandSql((string)target["rawSql"]!, values);
                        Assert.True((await Rows(connection, sql)).Count > 0, $"{what}: no rows for {sql}");
                    }
                    checkedQueries++;
                }
            }
        }
        Assert.True(checkedQueries >= 30, $"only {checkedQueries} panel queries were checked");

        // With every account chosen, a Prometheus board's platform choices hold every platform its panels filter by.
        foreach (var (file, board) in Boards())
        {
            var platform = Variables(board).Single(v => (string)v["name"]! == "platform");
            if ((string)platform["datasource"]!["uid"]! != Prometheus) continue;
            var choices = await LabelValues(prometheus, ((string)platform["definition"]!).Replace("$account", ".*"));
            var filtered = Panels(board).SelectMany(p => p["targets"]!.AsArray())
                .SelectMany(t => Regex.Matches((string?)t!["expr"] ?? "", @"(\w+)\{[^}]*platform=~""\$platform""").Select(m => m.Groups[1].Value));
            foreach (var metric in filtered.Distinct())
            {
                var shown = await LabelValues(prometheus, $"label_values({metric}, platform)");
                Assert.True(shown.All(choices.Contains), $"{file}: {metric} shows platforms [{string.Join(", ", shown.Except(choices))}] that its platform variable does not offer");
            }
            Assert.Contains("pinterest", choices);
        }
    }

    // Grafana's label_values(metric, label): the values of label on the series of metric.
    private static async Task<List<string>> LabelValues(PrometheusServer prometheus, string definition)
    {
        var match = Regex.Match(definition, @"^label_values\((.+),\s*(\w+)\)$");
        Assert.True(match.Success, $"not a label_values() query: {definition}");
        return (await prometheus.LabelValuesAsync(match.Groups[2].Value, match.Groups[1].Value)).Select(v => (string)v!).ToList();
    }

    // The demo values worth showing: its healthy account, its busiest platform, the demo node.
    private static string Preferred(string variable, List<string> options, Uri node) => variable switch
    {
        "account" when options.Contains("northwind-coffee") => "northwind-coffee",
        "platform" when options.Contains("instagram") => "instagram",
        "node" => options.Single(o => o == node.Authority),
        _ => options[0],
    };

    /// <summary>Variables as Grafana interpolates them ($name and ${name}), and its interval variables.</summary>
    private static string Substitute(string text, IReadOnlyDictionary<string, string> values)
    {
        text = text.Replace("$__rate_interval", "30s").Replace("$__interval", "15s").Replace("$__range", "5m");
        return Regex.Replace(text, @"\$\{(\w+)\}|\$(\w+)", m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            return values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"no value for ${name} in {text}");
        });
    }

    /// <summary>Grafana's PostgreSQL macros over the demo's range, then the variables.</summary>
    private static string ExpandSql(string sql, IReadOnlyDictionary<string, string> values)
    {
        string Instant(DateTimeOffset at) => $"'{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}'";
        sql = Regex.Replace(sql, @"\$__timeFilter\(([^)]+)\)", m => $"{m.Groups[1].Value} BETWEEN {Instant(From)} AND {Instant(To)}");
        sql = Regex.Replace(sql, @"\$__timeGroupAlias\(([^,]+),\s*'?(\d+)([smhd])'?\)", m =>
        {
            var seconds = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * m.Groups[3].Value switch { "s" => 1, "m" => 60, "h" => 3600, _ => 86400 };
            return $"floor(extract(epoch from {m.Groups[1].Value})/{seconds})*{seconds} AS \"time\"";
        });
        sql = sql.Replace("$__timeFrom()", Instant(From)).Replace("$__timeTo()", Instant(To));
        return Substitute(sql, values);
    }

    private static async Task<List<object?[]>> Rows(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }
        return rows;
    }
}
