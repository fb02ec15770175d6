using BenchmarkDotNet.Running;
using SocialRoi.Benchmarks;

switch (args)
{
    case ["activation"]: await AccountActivation.RunAsync(); break;
    case ["scrape"]: await MetricsScrape.RunAsync(); break;
    default: BenchmarkSwitcher.FromAssembly(typeof(AccountFiguresBenchmarks).Assembly).Run(args); break;
}
