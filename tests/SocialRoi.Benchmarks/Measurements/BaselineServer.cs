using SocialRoi.Testing;

namespace SocialRoi.Benchmarks.Measurements;

/// <summary>
/// The PostgreSQL server that target 2 (ingest against psql \copy) and the SQL baselines of target 3
/// run on: the one --storage names, else a private one started for this run with fsync on, as in
/// production. Without PostgreSQL installed those figures are left out, and the run says so.
/// </summary>
public sealed class BaselineServer : IAsyncDisposable
{
    private readonly PostgresServer? _private;

    private BaselineServer(string? uri, PostgresServer? privateServer)
    {
        Uri = uri;
        _private = privateServer;
    }

    public string? Uri { get; }

    public static async Task<BaselineServer> StartAsync(BenchmarkOptions options)
    {
        if (options.Postgres is { } named) return new BaselineServer(named, null);
        if (PostgresServer.Unavailable is { } reason)
        {
            Console.Error.WriteLine($"NOT MEASURED: PostgreSQL ingest and the SQL baselines, because {reason}");
            return new BaselineServer(null, null);
        }
        var server = await PostgresServer.StartPrivateAsync(durable: true);
        return new BaselineServer(server.UriFor("postgres"), server);
    }

    public async ValueTask DisposeAsync()
    {
        if (_private is not null) await _private.DisposeAsync();
    }
}
