using SocialRoi.Grains.Accounts;
using SocialRoi.Grains.Hosting;
using SocialRoi.Server.Ingest;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

public static class ImportCommand
{
    /// <summary>Exit code when the file had events that were rejected (the good ones are stored).</summary>
    public const int SomeRejected = 3;

    public static async Task<int> RunAsync(FileInfo file, string storageUri, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"no file at {file.FullName}: give the path of an NDJSON file with one event per line");
            return 2;
        }
        await using var storage = await StorageUri.OpenAsync(storageUri, cancellationToken);
        await using var grains = AccountGrainHost.Create(storage, storage, new GrainHostOptions(), [], TimeProvider.System);
        var ingest = new EventIngest(grains, TimeProvider.System);
        var report = await ImportProgress.RunAsync($"Importing {file.Name}",
            progress => NdjsonImport.RunAsync(ingest, file.FullName, progress, cancellationToken));
        return ImportProgress.Print(report, storage.Description) ? 0 : SomeRejected;
    }
}
