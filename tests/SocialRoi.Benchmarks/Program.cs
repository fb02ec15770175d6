using BenchmarkDotNet.Running;
using SocialRoi.Benchmarks;

if (args is ["activation"]) await AccountActivation.RunAsync();
else BenchmarkSwitcher.FromAssembly(typeof(AccountFiguresBenchmarks).Assembly).Run(args);
