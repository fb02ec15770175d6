using System.Data.Common;
using SocialRoi.Storage;

namespace SocialRoi.Testing;

/// <summary>
/// A fresh, empty store of one kind for one test: a SQLite file in a temporary directory, or a
/// new database on the shared PostgreSQL server. It outlives the storage opened on it, so a
/// test can close and reopen it (restart tests).
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly Func<Task> _remove;

    private TestStore(string kind, string uri, Func<Task> remove)
    {
        Kind = kind;
        Uri = uri;
        _remove = remove;
    }

    public string Kind { get; }

    public string Uri { get; }

    /// <summary>The kinds storage tests run against: both, unless PostgreSQL is missing here and not required.</summary>
    public static IEnumerable<object[]> Kinds =>
        PostgresServer.Unavailable is null || Services.Required ? [[Sqlite], [Postgres]] : [[Sqlite]];

    public static async Task<TestStore> CreateAsync(string kind)
    {
        if (kind == Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("socialroi-sqlite-").FullName;
            return new TestStore(kind, $"sqlite:{Path.Combine(directory, "socialroi.db")}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
                return Task.CompletedTask;
            });
        }
        return await CreateOnAsync(await PostgresServer.Shared ?? throw new InvalidOperationException(PostgresServer.Unavailable));
    }

    /// <summary>A fresh database on a given PostgreSQL server (one the test may stop and restart).</summary>
    public static async Task<TestStore> CreateOnAsync(PostgresServer server)
    {
        var database = await server.CreateDatabaseAsync();
        return new TestStore(Postgres, server.UriFor(database), () =>
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            return server.DropDatabaseAsync(database);
        });
    }

    public Task<IStorage> OpenAsync() => StorageUri.OpenAsync(Uri, CancellationToken.None);

    /// <summary>A plain connection to the store, for what a damaged or hand-edited database holds: written beside SocialRoi, not through it.</summary>
    public async Task<DbConnection> ConnectBesideAsync()
    {
        DbConnection connection = Kind == Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Uri["sqlite:".Length..]}")
            : new Npgsql.NpgsqlConnection(Storage.Postgres.PostgresStorage.ConnectionString(Uri));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Replaces one stored event's body, as a hand edit would.</summary>
    public async Task ReplaceStoredBodyAsync(string account, string id, string body)
    {
        var replaced = await ExecuteBesideAsync("UPDATE events SET body = @body WHERE account = @account AND id = @id",
            ("body", body), ("account", account), ("id", id));
        if (replaced != 1) throw new InvalidOperationException($"no stored event \"{id}\" of account \"{account}\" to replace");
    }

    /// <summary>Runs a statement beside SocialRoi, with @name parameters; says how many rows it changed.</summary>
    public async Task<int> ExecuteBesideAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await ConnectBesideAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _remove();
}
