using SocialRoi.Server.Hosting;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

public static class ServeCommand
{
    public static async Task<int> RunAsync(string urls, string storageUri, CancellationToken cancellationToken)
    {
        await using var storage = await StorageUri.OpenAsync(storageUri, cancellationToken);
        await using var server = await SocialRoiServer.StartAsync(urls, storage, [], cancellationToken);
        Console.WriteLine($"SocialRoi is serving {server.Address} (storage: {storage.Description}). Ctrl+C stops it.");
        await server.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
