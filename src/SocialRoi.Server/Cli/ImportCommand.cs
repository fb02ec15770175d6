using System.Net.Http.Json;
using System.Text.Json;
using SocialRoi.Server.Hosting;
using SocialRoi.Server.Imports;
using SocialRoi.Server.Ingest;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

/// <summary>
/// socialroi import FILE… --format F: exports into the account grains, never around them — through
/// a running server (--to) or through a silo of its own on --storage (SPEC §13).
/// </summary>
public static class ImportCommand
{
    /// <summary>Exit code when a file had rows or events that were rejected (the good ones are stored).</summary>
    public const int SomeRejected = 3;

    public sealed record Request(FileInfo[] Files, string Format, string? Account, string? Platform, FileInfo? Map, string StorageUri, string? To, string? Key);

    public static async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        if (request.Files.FirstOrDefault(f => !f.Exists) is { } missing)
        {
            Console.Error.WriteLine($"no file at {missing.FullName}: give the path of the export to import");
            return 2;
        }
        if (request.Map is { Exists: false } map)
        {
            Console.Error.WriteLine($"no mapping file at {map.FullName}");
            return 2;
        }
        var mapping = request.Map is null ? null : await File.ReadAllTextAsync(request.Map.FullName, cancellationToken);
        try
        {
            return request.To is not null ? await RemoteAsync(request, mapping, cancellationToken) : await LocalAsync(request, mapping, cancellationToken);
        }
        catch (Exception unusable) when (unusable is ImportRequestException or UnrecognisedFileException)
        {
            Console.Error.WriteLine(unusable.Message);
            return 2;
        }
    }

    private static async Task<int> LocalAsync(Request request, string? mapping, CancellationToken cancellationToken)
    {
        await using var storage = await StorageUri.OpenAsync(request.StorageUri, cancellationToken);
        await using var silo = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, [], cancellationToken);
        var imports = silo.Services.GetRequiredService<FileImport>();
        var clean = true;
        foreach (var file in request.Files)
        {
            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            var report = await ImportProgress.RunAsync($"Importing {file.Name}",
                progress => imports.ImportAsync(request.Format, bytes, request.Account, request.Platform, mapping, progress, cancellationToken));
            clean &= ImportProgress.Print(report, $"{file.Name} into {storage.Description}");
        }
        return clean ? 0 : SomeRejected;
    }

    private static async Task<int> RemoteAsync(Request request, string? mapping, CancellationToken cancellationToken)
    {
        if (RemoteServer.Parse(request.To!) is not { } server) return 2;
        var clean = true;
        foreach (var file in request.Files)
        {
            IngestReport report;
            if (request.Format == ImportFormats.Events)
            {
                // Large event logs go in batches, each retried on 503.
                using var remote = new RemoteIngest(RemoteServer.Client(server, request.Key));
                report = await ImportProgress.RunAsync($"Importing {file.Name}", progress => NdjsonImport.RunAsync(file.FullName, remote.SendAsync, progress, cancellationToken));
            }
            else
            {
                using var http = RemoteServer.Client(server, request.Key);
                var query = $"api/v1/imports/{Uri.EscapeDataString(request.Format)}?account={Uri.EscapeDataString(request.Account ?? "")}"
                    + (request.Platform is null ? "" : $"&platform={Uri.EscapeDataString(request.Platform)}")
                    + (mapping is null ? "" : $"&map={Uri.EscapeDataString(mapping)}");
                using var response = await http.PostAsync(query, new ByteArrayContent(await File.ReadAllBytesAsync(file.FullName, cancellationToken)), cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"{file.Name}: {server} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    return 2;
                }
                report = (await response.Content.ReadFromJsonAsync<IngestReport>(new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken))!;
            }
            clean &= ImportProgress.Print(report, $"{file.Name} into {server}");
        }
        return clean ? 0 : SomeRejected;
    }
}
