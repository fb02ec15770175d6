using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using SocialRoi.Benchmarks.Measurements;
using SocialRoi.Domain.Events;
using SocialRoi.Server.Hosting;

namespace SocialRoi.Benchmarks;

/// <summary>
/// Issue 12 targets 1 and 2: NDJSON over HTTP, batches of 5,000, 4 concurrent clients, durable
/// answers; beside the storage's own bulk rate for the same rows (SQLite: one prepared insert per
/// row in one transaction; PostgreSQL: psql \copy of the rows as CSV).
/// </summary>
public static class IngestBenchmark
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkOptions options)
    {
        var total = options.Smoke ? 20_000 : 2_000_000;
        var events = LoadGenerator.Events(LoadGenerator.Accounts, total);
        var batches = LoadGenerator.NdjsonBatches(events, LoadGenerator.BatchSize);
        var rows = events.Select(e => (e.Account, e.Id, Type: e.Type.Wire(), e.At.UtcTicks, Body: EventJson.Write(e))).ToList();
        var figures = new List<Figure>();
        if (options.Postgres is null)
        {
            var rate = await HttpRateAsync(null, batches, events.Count);
            var bulk = SqliteBulkRate(rows);
            figures.Add(new Figure($"Ingest, SQLite ({events.Count:N0} events)", rate, "events/s", bulk, "bulk insert", "≥ 100,000 events/s", rate >= 100_000));
        }
        if (options.BaselineServer is { } postgres)
        {
            var rate = await HttpRateAsync(postgres, batches, events.Count);
            await using var store = await BenchmarkStore.CreateAsync(postgres);
            var copy = await PsqlCopyRateAsync(store, rows);
            figures.Add(new Figure($"Ingest, PostgreSQL ({events.Count:N0} events)", rate, "events/s", copy, "psql \\copy", "≥ 0.6 × psql \\copy", rate >= 0.6 * copy));
        }
        return figures;
    }

    /// <summary>Events per second through POST /api/v1/events into a fresh store, until the last answer.</summary>
    private static async Task<double> HttpRateAsync(string? postgres, List<byte[]> batches, int events)
    {
        await using var store = await BenchmarkStore.CreateAsync(postgres);
        await using var storage = await store.OpenAsync();
        await using var server = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, BenchmarkOptions.Unlimited, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(10) };
        return events / (await LoadGenerator.SendAsync(http, batches, LoadGenerator.Clients)).TotalSeconds;
    }

    private static double SqliteBulkRate(List<(string Account, string Id, string Type, long Ticks, string Body)> rows)
    {
        var directory = Directory.CreateTempSubdirectory("socialroi-bulk-").FullName;
        try
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "bulk.db")}");
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, at_ticks INTEGER NOT NULL, body TEXT NOT NULL, UNIQUE (account, id));";
                setup.ExecuteNonQuery();
            }
            var clock = Stopwatch.StartNew();
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO events (account, id, type, at_ticks, body) VALUES ($a, $i, $t, $at, $b)";
            var parameters = new[] { "$a", "$i", "$t", "$at", "$b" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            foreach (var row in rows)
            {
                (parameters[0].Value, parameters[1].Value, parameters[2].Value, parameters[3].Value, parameters[4].Value) = (row.Account, row.Id, row.Type, row.Ticks, row.Body);
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
            return rows.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<double> PsqlCopyRateAsync(BenchmarkStore store, List<(string Account, string Id, string Type, long Ticks, string Body)> rows)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, rows.Select(r => string.Join(',', Csv(r.Account), Csv(r.Id), r.Type, r.Ticks, Csv(r.Body))));
            var builder = new NpgsqlConnectionStringBuilder(store.ConnectionString);
            await using (var connection = new NpgsqlConnection(store.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE TABLE copy_baseline (account text NOT NULL, id text NOT NULL, type text NOT NULL, at_ticks bigint NOT NULL, body text NOT NULL, PRIMARY KEY (account, id))", connection);
                await create.ExecuteNonQueryAsync();
            }
            var psql = new ProcessStartInfo("psql", ["-h", builder.Host!, "-p", builder.Port.ToString(), "-U", builder.Username!, "-d", builder.Database!,
                "-v", "ON_ERROR_STOP=1", "-c", $"\\copy copy_baseline FROM '{file}' CSV"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (builder.Password is { } password) psql.Environment["PGPASSWORD"] = password;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(psql)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"psql \\copy failed: {await errors}");
            return rows.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
}
