using System.Text.Json;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Server.Apis;
using SocialRoi.Server.Hosting;
using SocialRoi.Server.Reports;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

/// <summary>
/// socialroi report: writes the quarterly pack to a file — exactly what GET /api/v1/reports/quarterly
/// answers — from a running server (--to, with --key when keys exist) or from a silo of its own on --storage.
/// </summary>
public static class ReportCommand
{
    public static async Task<int> RunAsync(
        string account, string? quarter, string format, FileInfo output, string storageUri, string? to, string? key, CancellationToken cancellationToken)
    {
        if (to is not null)
        {
            if (RemoteServer.Parse(to) is not { } server) return 2;
            using var http = RemoteServer.Client(server, key);
            var query = $"api/v1/reports/quarterly?account={Uri.EscapeDataString(account)}&format={Uri.EscapeDataString(format)}"
                + (quarter is null ? "" : $"&quarter={Uri.EscapeDataString(quarter)}");
            using var response = await http.GetAsync(query, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"no report: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
                return 2;
            }
            return await WriteAsync(output, body, cancellationToken);
        }

        await using var storage = await StorageUri.OpenAsync(storageUri, cancellationToken);
        await using var silo = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, [], cancellationToken);
        var now = DateTimeOffset.UtcNow;
        Quarter period;
        try
        {
            period = QueryParameters.Quarter(quarter, now);
        }
        catch (QueryParameterException bad)
        {
            Console.Error.WriteLine($"--quarter: {bad.Message}");
            return 2;
        }
        var report = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(account).GetQuarterlyReportAsync(period, now);
        if (report is null)
        {
            Console.Error.WriteLine($"no report: account \"{account}\" has no events and no settings on {storage.Description}");
            return 2;
        }
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(json);
        var (text, _) = ReportFile.Render(report, format, json);
        return await WriteAsync(output, System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    private static async Task<int> WriteAsync(FileInfo output, byte[] body, CancellationToken cancellationToken)
    {
        if (output.DirectoryName is { } directory) Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(output.FullName, body, cancellationToken);
        Console.WriteLine($"wrote {output.FullName} ({body.Length:N0} bytes)");
        return 0;
    }
}
