using System.CommandLine;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

/// <summary>The socialroi command line: serve, demo, import, report, keys.</summary>
public static class SocialRoiCommands
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static RootCommand Build()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => DefaultUrls };
        var storage = new Option<string>("--storage")
        {
            Description = "Where data lives: sqlite:PATH or postgres://user:password@host:5432/database (env SOCIALROI_STORAGE)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SOCIALROI_STORAGE") ?? StorageUri.Default,
        };
        var demoStorage = new Option<string>("--storage")
        {
            Description = "Where the demo data lives",
            DefaultValueFactory = _ => "sqlite:./data/demo.db",
        };
        var node = new NodeFlags();
        var files = new Argument<FileInfo[]>("file") { Description = "Export files (CSV) or NDJSON event files", Arity = ArgumentArity.OneOrMore };
        var importFormat = new Option<string>("--format") { Description = "events, shopify-orders, woocommerce-orders, stripe-payments, meta-ads, google-ads, meta-leads, meta-posts, x-posts, linkedin-posts, or csv with --map", DefaultValueFactory = _ => "events" };
        var importAccount = new Option<string?>("--account") { Description = "The account the export belongs to (every format but events)" };
        var platform = new Option<string?>("--platform") { Description = "The platform, where the export does not say it" };
        var map = new Option<FileInfo?>("--map") { Description = "With --format csv: the JSON mapping of columns to event fields (docs/imports.md)" };
        var to = new Option<string?>("--to") { Description = "A running SocialRoi server to send the events to (http://127.0.0.1:5080); without it, import runs its own silo on --storage" };

        var serve = new Command("serve", "Run the HTTP API and its Orleans silo") { urls, storage };
        node.AddTo(serve);
        serve.SetAction((parsed, cancel) => ServeCommand.RunAsync(parsed.GetValue(urls)!, parsed.GetValue(storage)!, node.Read(parsed), cancel));

        var demo = new Command("demo", "Run the HTTP API with the demo data set from seeds/ loaded") { urls, demoStorage };
        demo.SetAction((parsed, cancel) => DemoCommand.RunAsync(parsed.GetValue(urls)!, parsed.GetValue(demoStorage)!, cancel));

        var key = new Option<string?>("--key") { Description = $"The API key to present to --to (default: env {RemoteServer.KeyVariable})" };
        var import = new Command("import", "Import exports (shop orders, ad spend, lead ads, posts, any CSV with a mapping) or NDJSON events through the account grains")
        {
            files, importFormat, importAccount, platform, map, storage, to, key,
        };
        import.SetAction((parsed, cancel) => ImportCommand.RunAsync(new ImportCommand.Request(
            parsed.GetValue(files)!, parsed.GetValue(importFormat)!, parsed.GetValue(importAccount), parsed.GetValue(platform), parsed.GetValue(map),
            parsed.GetValue(storage)!, parsed.GetValue(to), parsed.GetValue(key)), cancel));

        var account = new Option<string>("--account") { Description = "The account whose pack to write", Required = true };
        var quarter = new Option<string?>("--quarter") { Description = "The quarter, like 2026Q3 (default: the quarter running now)" };
        var format = new Option<string>("--format") { Description = "html, json or csv", DefaultValueFactory = _ => "html" };
        var output = new Option<FileInfo>("--out") { Description = "The file to write", Required = true };
        var reportTo = new Option<string?>("--to") { Description = "A running SocialRoi server to ask; without it, report runs its own silo on --storage" };
        var report = new Command("report", "Write the quarterly executive pack to a file") { account, quarter, format, output, storage, reportTo, key };
        report.SetAction((parsed, cancel) => ReportCommand.RunAsync(parsed.GetValue(account)!, parsed.GetValue(quarter), parsed.GetValue(format)!,
            parsed.GetValue(output)!, parsed.GetValue(storage)!, parsed.GetValue(reportTo), parsed.GetValue(key), cancel));

        return new RootCommand("SocialRoi: which social media activity brings real customers and revenue, at what cost")
        {
            serve, demo, import, report, KeysCommand.Build(storage),
        };
    }
}
