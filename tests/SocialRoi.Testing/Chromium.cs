using System.Diagnostics;

namespace SocialRoi.Testing;

/// <summary>Headless Chromium (Debian's chromium package) rendering pages to PDF and PNG, as a reader's browser would.</summary>
public static class Chromium
{
    public static string? Program => Services.Find("chromium");

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public static string? Unavailable => Program is null ? "Chromium is not installed (no chromium on PATH): apt-get install chromium" : null;

    public static Task PrintToPdfAsync(Uri page, string pdf) => RunAsync(page, "--no-pdf-header-footer", $"--print-to-pdf={pdf}");

    public static Task ScreenshotAsync(Uri page, string png) => RunAsync(page, "--window-size=1200,1600", $"--screenshot={png}");

    private static async Task RunAsync(Uri page, params string[] output)
    {
        var profile = Directory.CreateTempSubdirectory("socialroi-chromium-").FullName;
        try
        {
            // The flags keep it from reaching for the network, which this machine refuses.
            var start = new ProcessStartInfo(Program ?? throw new InvalidOperationException(Unavailable),
                ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", .. output, page.ToString()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0) throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await errors}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}

/// <summary>A test that needs Chromium: skipped, saying why, only where it is missing and not required.</summary>
public sealed class ChromiumFactAttribute : Xunit.FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Unavailable is { } reason && !Services.Required) Skip = reason;
    }
}
