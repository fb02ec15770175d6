using System.Diagnostics;
using Npgsql;

namespace SocialRoi.Testing;

/// <summary>
/// A private PostgreSQL server for tests: initdb into a temporary directory, pg_ctl on a free
/// loopback port, run as the unprivileged postgres user when the tests run as root, and removed
/// afterwards. SOCIALROI_TEST_POSTGRES may name an existing server (postgres://user:pass@host:port/db) instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string User = "socialroi";

    private static readonly Lazy<Task<PostgresServer?>> SharedServer = new(StartSharedAsync);

    private readonly string? _directory;
    private readonly string _host;
    private readonly int _port;
    private readonly string _user;
    private readonly string? _password;
    private readonly bool _durable;

    private PostgresServer(string? directory, string host, int port, string user, string? password, bool durable = false)
    {
        _durable = durable;
        _directory = directory;
        _host = host;
        _port = port;
        _user = user;
        _password = password;
    }

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? Unavailable =>
        Environment.GetEnvironmentVariable("SOCIALROI_TEST_POSTGRES") is { Length: > 0 } || (Services.Find("initdb") is not null && Services.Find("pg_ctl") is not null)
            ? null
            : "PostgreSQL is not installed (no initdb/pg_ctl on PATH): install it (apt-get install postgresql) or set SOCIALROI_TEST_POSTGRES";

    /// <summary>One server for the whole test run, stopped when the test process exits.</summary>
    public static Task<PostgresServer?> Shared => SharedServer.Value;

    public string UriFor(string database) =>
        $"postgres://{Uri.EscapeDataString(_user)}{(_password is null ? "" : ":" + Uri.EscapeDataString(_password))}@{_host}:{_port}/{database}";

    public string ConnectionStringFor(string database) => SocialRoi.Storage.Postgres.PostgresStorage.ConnectionString(UriFor(database));

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"socialroi_test_{Guid.NewGuid():N}";
        await ExecuteAsync("postgres", $"CREATE DATABASE {name}");
        return name;
    }

    public Task DropDatabaseAsync(string name) => ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts a server of its own (for tests that stop and restart it).</summary>
    /// <param name="durable">Fsync as a production server does (benchmarks); tests run without it.</param>
    public static async Task<PostgresServer> StartPrivateAsync(bool durable = false)
    {
        SweepAbandoned();
        var directory = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        File.WriteAllText(Path.Combine(directory, OwnerFile), Environment.ProcessId.ToString());
        var server = new PostgresServer(directory, "127.0.0.1", Services.FreeLoopbackPort(), User, null, durable);
        if (AsRoot) Run("chown", ["-R", "postgres:postgres", directory], asRoot: false);
        Run(Services.Find("initdb")!, ["-D", server.DataDirectory, "-A", "trust", "-U", User, "-E", "UTF8", "--no-sync"], AsRoot);
        await server.StartAsync();
        return server;
    }

    private const string DirectoryPrefix = "socialroi-pg-";
    private const string OwnerFile = "owner.pid";

    private string DataDirectory => Path.Combine(_directory!, "data");

    /// <summary>
    /// The test runner may end a test process before its exit handler has removed its server:
    /// stop and remove servers whose owning process is gone.
    /// </summary>
    private static void SweepAbandoned()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var owner = Path.Combine(directory, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out var pid) || IsAlive(pid)) continue;
            if (File.Exists(Path.Combine(directory, "data", "postmaster.pid")))
            {
                try { Run(PgCtl, ["-D", Path.Combine(directory, "data"), "-m", "immediate", "stop"], AsRoot); }
                catch (InvalidOperationException) { /* not running any more */ }
            }
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool IsAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    public Task StartAsync()
    {
        Run(PgCtl, ["-D", DataDirectory, "-w", "-l", Path.Combine(_directory!, "server.log"), "-o",
            $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1{(_durable ? "" : " -c fsync=off")}", "start"], AsRoot);
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Run(PgCtl, ["-D", DataDirectory, "-w", "-m", "fast", "stop"], AsRoot);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops and removes the server from a process of its own: the test runner ends a test process
    /// soon after its last test, before a stop waited for here finishes, and every run left its
    /// server's directory behind until the next run swept it.
    /// </summary>
    private void RemoveAfterExit()
    {
        var stop = CommandLine(PgCtl, ["-D", DataDirectory, "-w", "-m", "immediate", "stop"], AsRoot);
        // setsid: in a session of its own, it outlives the test process. The shell runs the stop ("$@"),
        // then removes the directory ($0).
        using var removal = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", "\"$@\" >/dev/null 2>&1; rm -rf \"$0\"", _directory!, .. stop]));
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is null) return;
        try { await StopAsync(); } catch (InvalidOperationException) { /* already stopped */ }
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<PostgresServer?> StartSharedAsync()
    {
        if (Environment.GetEnvironmentVariable("SOCIALROI_TEST_POSTGRES") is { Length: > 0 } existing)
        {
            var uri = new Uri(existing);
            var credentials = uri.UserInfo.Split(':', 2);
            return new PostgresServer(null, uri.Host, uri.Port, Uri.UnescapeDataString(credentials[0]),
                credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : null);
        }
        if (Unavailable is { } reason)
            return Services.Required ? throw new InvalidOperationException($"SOCIALROI_REQUIRE_SERVICES is set but {reason}") : null;
        var server = await StartPrivateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.RemoveAfterExit();
        return server;
    }

    // initdb refuses root, and the server must not run as root: run them as the postgres user then.
    private static bool AsRoot => Environment.UserName == "root";

    private static string PgCtl => Services.Find("pg_ctl")!;

    private static string[] CommandLine(string program, string[] arguments, bool asRoot) =>
        asRoot ? ["runuser", "-u", "postgres", "--", program, .. arguments] : [program, .. arguments];

    private static void Run(string program, string[] arguments, bool asRoot)
    {
        var line = CommandLine(program, arguments, asRoot);
        var start = new ProcessStartInfo(line[0], line[1..]);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.Result}{output.Result}");
    }
}
