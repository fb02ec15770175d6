using SocialRoi.Server.Hosting;
using SocialRoi.Server.Ingest;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

/// <summary>
/// socialroi import: an NDJSON file into the account grains, never around them — through a running
/// server (--to), or through a silo of its own on --storage.
/// </summary>
public static class ImportCommand
{
    /// <summary>Exit code when the file had events that were rejected (the good ones are stored).</summary>
    public const int SomeRejected = 3;

    public static async Task<int> RunAsync(FileInfo file, string storageUri, string? to, string? key, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"no file at {file.FullName}: give the path of an NDJSON file with one event per line");
            return 2;
        }
        var title = $"Importing {file.Name}";
        if (to is not null)
        {
            if (RemoteServer.Parse(to) is not { } server) return 2;
            using var remote = new RemoteIngest(RemoteServer.Client(server, key));
            var sent = await ImportProgress.RunAsync(title, progress => NdjsonImport.RunAsync(file.FullName, remote.SendAsync, progress, cancellationToken));
            return ImportProgress.Print(sent, server.ToString()) ? 0 : SomeRejected;
        }
        await using var storage = await StorageUri.OpenAsync(storageUri, cancellationToken);
        await using var silo = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, [], cancellationToken);
        var ingest = NdjsonImport.Into(silo.Services.GetRequiredService<EventIngest>(), silo.Services.GetRequiredService<BatchBody>());
        var report = await ImportProgress.RunAsync(title, progress => NdjsonImport.RunAsync(file.FullName, ingest, progress, cancellationToken));
        return ImportProgress.Print(report, storage.Description) ? 0 : SomeRejected;
    }
}
