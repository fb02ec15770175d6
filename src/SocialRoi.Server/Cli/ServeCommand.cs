using SocialRoi.Server.Hosting;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

public static class ServeCommand
{
    /// <param name="node">Configuration pairs from the cluster flags (NodeFlags).</param>
    public static async Task<int> RunAsync(string urls, string storageUri, string[] node, CancellationToken cancellationToken)
    {
        await using var storage = await StorageUri.OpenAsync(storageUri, cancellationToken);
        SocialRoiServer server;
        try
        {
            server = await SocialRoiServer.StartAsync(urls, storage, node, cancellationToken);
        }
        catch (NodeConfigurationException refused)
        {
            Console.Error.WriteLine(refused.Message);
            return 2;
        }
        await using (server)
        {
            Console.WriteLine($"SocialRoi is serving {server.Address} (storage: {storage.Description}; {server.Node}). Ctrl+C stops it.");
            await server.WaitForShutdownAsync(cancellationToken);
        }
        return 0;
    }
}
