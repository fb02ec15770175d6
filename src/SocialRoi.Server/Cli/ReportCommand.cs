using SocialRoi.Server.Hosting;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

/// <summary>
/// socialroi report: writes the quarterly pack to a file — the very answer of
/// GET /api/v1/reports/quarterly, from a running server (--to) or from a silo of its own on --storage.
/// </summary>
public static class ReportCommand
{
    public static async Task<int> RunAsync(string account, string? quarter, string format, FileInfo output, string storageUri, string? to, CancellationToken cancellationToken)
    {
        var query = $"api/v1/reports/quarterly?account={Uri.EscapeDataString(account)}&format={Uri.EscapeDataString(format)}"
            + (quarter is null ? "" : $"&quarter={Uri.EscapeDataString(quarter)}");
        if (to is not null)
        {
            if (!Uri.TryCreate(to, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            {
                Console.Error.WriteLine($"--to must be the address of a running SocialRoi server, like http://127.0.0.1:5080, got \"{to}\"");
                return 2;
            }
            return await FetchAsync(server, query, output, cancellationToken);
        }
        await using var storage = await StorageUri.OpenAsync(storageUri, cancellationToken);
        await using var silo = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, [], cancellationToken);
        return await FetchAsync(silo.Address, query, output, cancellationToken);
    }

    private static async Task<int> FetchAsync(Uri server, string query, FileInfo output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
        using var response = await http.GetAsync(query, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"no report: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            return 2;
        }
        if (output.DirectoryName is { } directory) Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(output.FullName, body, cancellationToken);
        Console.WriteLine($"wrote {output.FullName} ({body.Length:N0} bytes)");
        return 0;
    }
}
