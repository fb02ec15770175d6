using System.Globalization;

namespace SocialRoi.Benchmarks.Measurements;

/// <summary>Writes the results table into docs/performance.md, between its markers, with the machine and the command.</summary>
public static class ResultsPage
{
    private const string Start = "<!-- issue-12 results: start -->", End = "<!-- issue-12 results: end -->";

    public static string Table(IEnumerable<Figure> figures) => Figure.Header + "\n" + string.Join('\n', figures.Select(f => f.Row()));

    public static void Write(IReadOnlyList<Figure> figures, string command)
    {
        var page = FindPage();
        var text = File.ReadAllText(page);
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var section = $"""
            {Start}
            Command: `{command}` — {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, {Environment.ProcessorCount} cores, {memory:0} GiB, .NET {Environment.Version}.

            {Table(figures)}
            {End}
            """;
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = start >= 0 && end > start ? text[..start] + section + text[(end + End.Length)..] : text.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(page, text);
        Console.WriteLine($"wrote the table into {page}");
    }

    private static string FindPage()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var page = Path.Combine(dir.FullName, "docs", "performance.md");
            if (File.Exists(page)) return page;
        }
        throw new FileNotFoundException("docs/performance.md: run from the repository");
    }
}
