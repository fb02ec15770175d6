using Spectre.Console;
using SocialRoi.Server.Ingest;

namespace SocialRoi.Server.Cli;

/// <summary>A progress bar on a terminal; plain lines when output is redirected (CI logs, pipes).</summary>
public static class ImportProgress
{
    private const int RejectionsShown = 20;

    public static async Task<IngestReport> RunAsync(string title, Func<IProgress<double>, Task<IngestReport>> work)
    {
        if (Console.IsOutputRedirected) return await work(new Progress<double>());
        IngestReport? report = null;
        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(title), maxValue: 1);
            report = await work(new Progress<double>(share => task.Value = share));
            task.Value = 1;
        });
        return report!;
    }

    /// <summary>Prints the totals and the first rejections; true when nothing was rejected.</summary>
    public static bool Print(IngestReport report, string where)
    {
        Console.WriteLine($"{report.Accepted} accepted, {report.Duplicates} duplicates, {report.Rejected.Count} rejected ({where})");
        foreach (var rejection in report.Rejected.Take(RejectionsShown)) Console.Error.WriteLine(rejection.Error);
        if (report.Rejected.Count > RejectionsShown)
            Console.Error.WriteLine($"… and {report.Rejected.Count - RejectionsShown} more rejected");
        return report.Rejected.Count == 0;
    }
}
