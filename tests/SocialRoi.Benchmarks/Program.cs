using BenchmarkDotNet.Running;
using SocialRoi.Benchmarks;
using SocialRoi.Benchmarks.Measurements;

// Issue 12's measurements: ingest|query|memory|coldstart|scale|all [--storage postgres://…] [--smoke];
// activation and scrape for the operations and metrics pages; heap, where target 4's bytes are;
// anything else goes to BenchmarkDotNet.
var options = BenchmarkOptions.Parse(args);
switch (args.FirstOrDefault())
{
    case "activation": await AccountActivation.RunAsync(); break;
    case "scrape": await MetricsScrape.RunAsync(); break;
    case "heap": HeapCensus.Run(options); break;
    case MemoryAndColdStartBenchmark.FirstAnswerCommand: await MemoryAndColdStartBenchmark.FirstAnswerAsync(args[1]); break;
    case "ingest" or "query" or "memory" or "coldstart" or "scale" or "all":
    {
        var figures = new List<Figure>();
        // Only ingest (target 2) and query (the SQL baselines) use PostgreSQL: the other parts start none.
        await using var baselines = args[0] is "ingest" or "query" or "all" ? await BaselineServer.StartAsync(options) : null;
        options = options with { BaselineServer = baselines?.Uri };
        // Cold start first. Its first answers come from fresh processes, as a restarted server is, but
        // the demo's restart runs in this one.
        IReadOnlyList<Figure> coldStart = args[0] is "coldstart" or "all" ? await MemoryAndColdStartBenchmark.ColdStartAsync(options) : [];
        if (args[0] is "ingest" or "all") figures.AddRange(await IngestBenchmark.RunAsync(options));
        if (args[0] is "query" or "all") figures.AddRange(await QueryBenchmark.RunAsync(options));
        if (args[0] is "memory" or "all") figures.AddRange(await MemoryAndColdStartBenchmark.MemoryAsync(options));
        figures.AddRange(coldStart);
        if (args[0] is "scale" or "all") figures.AddRange(await ScaleBenchmark.RunAsync(options));
        Console.WriteLine(ResultsPage.Table(figures));
        if (args[0] == "all" && options.Write) ResultsPage.Write(figures, "dotnet run -c Release --project tests/SocialRoi.Benchmarks -- " + string.Join(' ', args));
        break;
    }
    default: BenchmarkSwitcher.FromAssembly(typeof(AccountFiguresBenchmarks).Assembly).Run(args); break;
}
