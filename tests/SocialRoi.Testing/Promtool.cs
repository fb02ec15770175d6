using System.Diagnostics;

namespace SocialRoi.Testing;

/// <summary>Prometheus' promtool, run on files or text: its exit code and everything it printed.</summary>
public static class Promtool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string? standardInput, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Services.Find("promtool") ?? throw new InvalidOperationException(PrometheusServer.Unavailable), arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (standardInput is not null) await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
