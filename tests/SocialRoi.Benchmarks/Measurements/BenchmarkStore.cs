using Npgsql;
using SocialRoi.Storage;

namespace SocialRoi.Benchmarks.Measurements;

/// <summary>
/// A fresh, empty store for one measurement: a SQLite file in a temporary folder, or a new database
/// on the PostgreSQL server of --storage postgres://… (dropped afterwards).
/// </summary>
public sealed class BenchmarkStore : IAsyncDisposable
{
    private readonly Func<Task> _remove;

    private BenchmarkStore(string uri, bool isPostgres, Func<Task> remove)
    {
        Uri = uri;
        IsPostgres = isPostgres;
        _remove = remove;
    }

    public string Uri { get; }

    public bool IsPostgres { get; }

    public static async Task<BenchmarkStore> CreateAsync(string? postgresServer)
    {
        if (postgresServer is null)
        {
            var directory = Directory.CreateTempSubdirectory("socialroi-bench-").FullName;
            return new BenchmarkStore($"sqlite:{Path.Combine(directory, "bench.db")}", false, () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
                return Task.CompletedTask;
            });
        }
        var database = $"socialroi_bench_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(Storage.Postgres.PostgresStorage.ConnectionString(postgresServer));
        await Execute(admin.ConnectionString, $"CREATE DATABASE {database}");
        var uri = new UriBuilder(postgresServer) { Path = "/" + database }.Uri.ToString();
        return new BenchmarkStore(uri, true, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(admin.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        });
    }

    public Task<IStorage> OpenAsync() => StorageUri.OpenAsync(Uri, CancellationToken.None);

    public string ConnectionString => Storage.Postgres.PostgresStorage.ConnectionString(Uri);

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _remove();
}
