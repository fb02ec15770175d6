using System.Text.Json;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Server.Apis;
using SocialRoi.Server.Hosting;
using SocialRoi.Server.Ingest;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

/// <summary>socialroi demo: serve with the committed demo data set loaded (re-running it loads nothing twice).</summary>
public static class DemoCommand
{
    public const string SeedFile = "seeds/demo-events.ndjson";

    /// <summary>Display names and goals of the demo businesses, beside the events.</summary>
    public const string AccountsFile = "seeds/demo-accounts.json";

    public static async Task<int> RunAsync(string urls, string storageUri, CancellationToken cancellationToken)
    {
        if (FindSeeds() is not { } seeds)
        {
            Console.Error.WriteLine($"cannot find {SeedFile}: run the demo from the SocialRoi checkout");
            return 2;
        }
        await using var storage = await StorageUri.OpenAsync(storageUri, cancellationToken);
        SocialRoiServer server;
        try
        {
            server = await SocialRoiServer.StartAsync(urls, storage, [], cancellationToken);
        }
        catch (NodeConfigurationException refused)
        {
            Console.Error.WriteLine(refused.Message);
            return 2;
        }
        await using var running = server;
        var ingest = NdjsonImport.Into(server.Services.GetRequiredService<EventIngest>(), server.Services.GetRequiredService<BatchBody>());
        var report = await ImportProgress.RunAsync("Loading demo data",
            progress => NdjsonImport.RunAsync(seeds, ingest, progress, cancellationToken));
        ImportProgress.Print(report, storage.Description);
        await ConfigureAccountsAsync(server.Services.GetRequiredService<IGrainFactory>(), Path.Combine(Path.GetDirectoryName(seeds)!, "..", AccountsFile), cancellationToken);

        var api = new Uri(server.Address, "/api/v1/");
        Console.WriteLine($"""

            SocialRoi demo is serving {server.Address}
              open:      {server.Address}   (the accounts, this quarter, and what to fix)
              pack:      {api}reports/quarterly?account=northwind-coffee&quarter=2026Q3
              accounts:  {api}accounts
              summary:   {api}accounts/northwind-coffee/summary?from=2026-06-01&to=2026-12-01
              OpenAPI:   {new Uri(server.Address, "/openapi/v1.json")}
              Orleans:   {new Uri(server.Address, "/dashboard/")}
            Ctrl+C stops it.
            """);
        if (!server.KeysRequired) Console.WriteLine(ServeCommand.NoKeysWarning);
        await server.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    // Through the same readers as PUT /accounts/{account} and PUT …/goals, so the file speaks the API's language.
    private static async Task ConfigureAccountsAsync(IGrainFactory grains, string path, CancellationToken cancellationToken)
    {
        using var accounts = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        foreach (var entry in accounts.RootElement.EnumerateArray())
        {
            var grain = grains.GetGrain<IAccountGrain>(entry.GetProperty("account").GetString()!);
            await grain.UpdateSettingsAsync(SettingsReader.Read(entry.GetProperty("settings")));
            await grain.ReplaceGoalsAsync(GoalReader.Read(entry.GetProperty("goals")));
        }
    }

    // The seeds live in the checkout; look from the working directory up, then beside the binary.
    public static string? FindSeeds()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, SeedFile);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
