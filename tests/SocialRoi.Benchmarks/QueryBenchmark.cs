using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using SocialRoi.Benchmarks.Measurements;
using SocialRoi.Domain.Events;
using SocialRoi.Server.Hosting;

namespace SocialRoi.Benchmarks;

/// <summary>
/// Issue 12 target 3: summary, funnel by post and health of one big account over HTTP while 100
/// events arrive every 200 ms, beside the equivalent SQL over the PostgreSQL event log (the bi
/// views, holding the same events). Without PostgreSQL the baseline is a count by type on SQLite.
/// </summary>
public static class QueryBenchmark
{
    private const string Account = "big";
    private const string Range = "from=2026-07-01&to=2026-09-29";

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkOptions options)
    {
        var size = options.Smoke ? 10_000 : 1_000_000;
        var (requests, budget) = options.Smoke ? (10, TimeSpan.FromSeconds(20)) : (200, TimeSpan.FromSeconds(90));
        await using var store = await BenchmarkStore.CreateAsync(options.Postgres);
        await using var storage = await store.OpenAsync();
        foreach (var chunk in SyntheticAccount.Events(Account, size).Chunk(5_000)) await storage.AppendAsync(chunk, CancellationToken.None);
        await using var sqlStore = store.IsPostgres || options.BaselineServer is null ? null : await BenchmarkStore.CreateAsync(options.BaselineServer);
        if (sqlStore is not null)
        {
            await using var sqlStorage = await sqlStore.OpenAsync();
            foreach (var chunk in SyntheticAccount.Events(Account, size).Chunk(5_000)) await sqlStorage.AppendAsync(chunk, CancellationToken.None);
        }
        var baselineStore = sqlStore ?? store;
        if (baselineStore.IsPostgres) await AnalyzeAsync(baselineStore);

        await using var server = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, BenchmarkOptions.Unlimited, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(10) };
        (await http.GetAsync($"/api/v1/accounts/{Account}/summary?{Range}")).EnsureSuccessStatusCode(); // activation

        using var stop = new CancellationTokenSource();
        var feed = new FeedProgress();
        var trickle = Task.Run(() => TrickleAsync(http, size, feed, stop.Token));
        var figures = new List<Figure>();
        foreach (var (name, path, sql) in new[]
        {
            ("summary", $"summary?{Range}", baselineStore.IsPostgres ? SummarySql : CountsSql),
            ("funnel by post", $"funnel?{Range}&by=post", baselineStore.IsPostgres ? FunnelSql : CountsSql),
            ("health", "health?asOf=2026-09-29", (string?)null),
        })
        {
            var timings = new List<double>();
            var clock = Stopwatch.StartNew();
            while (timings.Count < requests && (timings.Count < 3 || clock.Elapsed < budget))
                timings.Add(await Requests.TimedGetAsync(http, $"/api/v1/accounts/{Account}/{path}"));
            var (baseline, finished) = sql is null ? (null, true) : await SqlMillisecondsAsync(baselineStore, sql);
            var baselineName = (baselineStore.IsPostgres ? "PostgreSQL bi views" : "SQLite count by type")
                + (finished ? "" : $", stopped unfinished at {SqlLimit.TotalSeconds:0} s: the ratio is a lower bound");
            var p50 = Percentiles.Of(timings, 50);
            var p99 = Percentiles.Of(timings, 99);
            figures.Add(new Figure($"{name} p50, {size:N0} events, ingest running ({timings.Count} requests)", p50, "ms", baseline,
                baselineName, "≤ 10 ms and ≥ 20× faster than SQL", p50 <= 10 && (baseline is null || baseline / p50 >= 20), Faster: true));
            figures.Add(new Figure($"{name} p99", p99, "ms", null, null, "≤ 50 ms", p99 <= 50));
        }
        figures.AddRange(await FunnelsAfterNewEventsAsync(http, feed, options.Smoke ? 3 : 50, budget));
        await stop.CancelAsync();
        await trickle;
        return figures;
    }

    /// <summary>
    /// An account answers a funnel asked again before new events from its last computation. Here
    /// each request waits for a feed batch sent after the previous answer to be stored, so every
    /// one is computed afresh.
    /// </summary>
    private static async Task<Figure[]> FunnelsAfterNewEventsAsync(HttpClient http, FeedProgress feed, int requests, TimeSpan budget)
    {
        var timings = new List<double>();
        var clock = Stopwatch.StartNew();
        while (timings.Count < requests && (timings.Count < 3 || clock.Elapsed < budget))
        {
            var sentBefore = Volatile.Read(ref feed.Sent);
            while (Volatile.Read(ref feed.Stored) <= sentBefore) await Task.Delay(2);
            timings.Add(await Requests.TimedGetAsync(http, $"/api/v1/accounts/{Account}/funnel?{Range}&by=post"));
        }
        var (p50, p99) = (Percentiles.Of(timings, 50), Percentiles.Of(timings, 99));
        return
        [
            // Not a target of the issue, which asks for requests as they come: shown so the table does not hide it.
            new Figure($"funnel by post p50, each request the first after new events, so computed afresh ({timings.Count} requests)", p50, "ms", null, null, "none (a diagnostic)", null),
            new Figure("funnel by post p99, computed afresh", p99, "ms", null, null, "none (a diagnostic)", null),
        ];
    }

    /// <summary>How many live-feed batches were sent, and how many of them are stored.</summary>
    private sealed class FeedProgress
    {
        public int Sent;
        public int Stored;
    }

    // 100 events every 200 ms into the big account, of every type as a live feed sends them (new
    // posts, touches, purchases, replies, links), all inside the queried range.
    private static async Task TrickleAsync(HttpClient http, int size, FeedProgress progress, CancellationToken stop)
    {
        using var feed = SyntheticAccount.LiveFeed(Account, size, new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero)).GetEnumerator();
        while (!stop.IsCancellationRequested)
        {
            var lines = Enumerable.Range(0, 100).Select(_ => feed.MoveNext() ? EventJson.Write(feed.Current) : throw new InvalidOperationException("the live feed never ends"));
            using var content = new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson");
            Interlocked.Increment(ref progress.Sent);
            using var answer = await http.PostAsync("/api/v1/events", content, CancellationToken.None);
            answer.EnsureSuccessStatusCode();
            using var report = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(CancellationToken.None));
            if (report.RootElement.GetProperty("accepted").GetInt32() != 100)
                throw new InvalidOperationException($"the live feed's events were not all accepted: {report.RootElement}");
            Interlocked.Increment(ref progress.Stored);
            try { await Task.Delay(200, stop); } catch (OperationCanceledException) { return; }
        }
    }

    private const string SummarySql = """
        SELECT sum(posts), sum(impressions), sum(likes), sum(comments), sum(clicks), sum(purchases), sum(revenue), sum(attributed_revenue), sum(cost)
        FROM bi.daily_account_metrics WHERE account = 'big' AND day >= '2026-07-01' AND day < '2026-09-29'
        """;

    private const string FunnelSql = """
        SELECT post, sum(posts), sum(impressions), sum(engagements), sum(conversations), sum(attributed_revenue)
        FROM bi.post_funnel WHERE account = 'big' AND day >= '2026-07-01' AND day < '2026-09-29' GROUP BY post
        """;

    private static readonly string CountsSql =
        $"SELECT type, count(*) FROM events WHERE account = 'big' AND at_ticks >= {new DateTime(2026, 7, 1).Ticks} AND at_ticks < {new DateTime(2026, 9, 29).Ticks} GROUP BY type";

    // The bi views compute attribution on read from the events' JSON: on a million events of one
    // account they run for tens of seconds, so a run is stopped here and its time is a lower bound.
    private static readonly TimeSpan SqlLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The planner's statistics of the loaded log, as autovacuum gathers them within a minute of a bulk
    /// load: without them the summary's SQL ran on a plan that did not finish in 60 s, and took ~12 s after.
    /// </summary>
    private static async Task AnalyzeAsync(BenchmarkStore store)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE events", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>The median of 3 runs of the SQL (one when it takes over 5 s), and whether it finished within <see cref="SqlLimit"/>.</summary>
    private static async Task<(double? Milliseconds, bool Finished)> SqlMillisecondsAsync(BenchmarkStore store, string sql)
    {
        var timings = new List<double>();
        for (var i = 0; i < 3 && (i == 0 || timings[0] < 5_000); i++)
        {
            var started = Stopwatch.GetTimestamp();
            if (store.IsPostgres)
            {
                await using var connection = new NpgsqlConnection(store.ConnectionString);
                await connection.OpenAsync();
                // Without the JIT compiler, as Grafana's reader role runs the views (migration 0014).
                await using (var limit = new NpgsqlCommand($"SET statement_timeout = {(int)SqlLimit.TotalMilliseconds}; SET jit = off", connection)) await limit.ExecuteNonQueryAsync();
                try
                {
                    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) { }
                }
                catch (PostgresException stopped) when (stopped.SqlState == PostgresErrorCodes.QueryCanceled)
                {
                    return (SqlLimit.TotalMilliseconds, false);
                }
            }
            else
            {
                await using var connection = new SqliteConnection($"Data Source={store.Uri["sqlite:".Length..]}");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) { }
            }
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (Percentiles.Of(timings, 50), true);
    }
}
