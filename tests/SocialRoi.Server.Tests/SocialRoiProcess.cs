using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>The socialroi executable as a process of its own: a server that can be killed like a crash, or a CLI command.</summary>
public sealed class SocialRoiProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SocialRoiProcess(string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "socialroi.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => { lock (_output) _output.AppendLine(line.Data); };
        _process.ErrorDataReceived += (_, line) => { lock (_output) _output.AppendLine(line.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; private init; } = null!;

    /// <summary>Everything the process printed, standard output and error interleaved.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static SocialRoiProcess Serve(string storageUri) => Start("serve", storageUri);

    /// <summary>Starts serve with configuration from the environment too, e.g. Snapshots__WhenQuietFor.</summary>
    public static SocialRoiProcess Serve(string storageUri, IReadOnlyDictionary<string, string> environment) =>
        StartWith("serve", ["--storage", storageUri], environment);

    /// <summary>Starts a long-running command (serve, demo) on a free loopback port.</summary>
    public static SocialRoiProcess Start(string command, string storageUri) =>
        StartWith(command, ["--storage", storageUri], environment: null);

    /// <summary>Starts a cluster node (SPEC §12) on free loopback ports for HTTP, silo and gateway.</summary>
    public static SocialRoiProcess ServeNode(string storageUri, string clusterId) =>
        StartWith("serve", ["--storage", storageUri, "--cluster", "--cluster-id", clusterId,
            "--silo-port", Services.FreeLoopbackPort().ToString(), "--gateway-port", Services.FreeLoopbackPort().ToString()], environment: null);

    /// <summary>Starts socialroi demo and waits until it has loaded the demo data and says it is serving.</summary>
    public static async Task<SocialRoiProcess> StartDemoAsync(string storageUri, HttpClient http, TimeSpan within)
    {
        var demo = Start("demo", storageUri);
        await demo.WaitUntilReadyAsync(http, within);
        await demo.WaitForOutputAsync("SocialRoi demo is serving", within);
        return demo;
    }

    /// <summary>Waits until the process has printed this text, and fails the test if it does not in time.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Output.Contains(text) && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Contains(text, Output);
    }

    /// <summary>Starts serve taking its storage from the environment, as a deployment would.</summary>
    public static SocialRoiProcess ServeWithEnvironment(IReadOnlyDictionary<string, string> environment) =>
        StartWith("serve", [], environment);

    private static SocialRoiProcess StartWith(string command, string[] arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var address = new Uri($"http://127.0.0.1:{Services.FreeLoopbackPort()}");
        return new SocialRoiProcess([command, "--urls", address.ToString(), .. arguments], environment) { Address = address };
    }

    /// <summary>Runs a command to its end and returns its exit code.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunAsync(environment: null, arguments);

    /// <summary>Runs a command to its end with configuration from the environment too, and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var process = new SocialRoiProcess(arguments, environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process._process.WaitForExitAsync(timeout.Token);
        process._process.WaitForExit(); // drains the output readers
        return (process._process.ExitCode, process.Output);
    }

    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"socialroi exited during start-up: {Output}");
            try
            {
                using var ready = await http.GetAsync(new Uri(Address, "/readyz"));
                if (ready.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(100);
        }
        Assert.Fail($"socialroi did not become ready in time: {Output}");
    }

    /// <summary>Posts events to the server as one JSON batch, and fails the test unless it answers 200.</summary>
    public async Task PostEventsAsync(HttpClient http, IEnumerable<JsonObject> events)
    {
        using var posted = await http.PostAsync(new Uri(Address, "/api/v1/events"), Ev.JsonBody(events));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    /// <summary>SIGKILL: no shutdown, no flush, as in a crash.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
