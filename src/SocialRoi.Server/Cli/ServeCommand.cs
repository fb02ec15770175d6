using SocialRoi.Server.Hosting;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

public static class ServeCommand
{
    public const string NoKeysWarning =
        "Warning: no API key exists, so anyone on this machine can read and change every account; SocialRoi listens on loopback only until a key exists. " +
        "Create one with: socialroi keys create --scopes ingest,read,admin,metrics --accounts '*' --storage <the same storage>";

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
            if (!server.KeysRequired) Console.WriteLine(NoKeysWarning);
            await server.WaitForShutdownAsync(cancellationToken);
        }
        return 0;
    }
}
