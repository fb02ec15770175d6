namespace SocialRoi.Server.Ingest;

/// <summary>Where an import sends each batch of NDJSON lines: this process's silo, or a running server.</summary>
/// <param name="firstIndex">The 0-based index of the batch's first event in the whole file.</param>
public delegate Task<IngestReport> BatchSink(int firstIndex, IReadOnlyList<string> lines);

/// <summary>Streams an NDJSON file in batches, so files larger than memory import fine.</summary>
public static class NdjsonImport
{
    public const int BatchSize = 5_000;

    /// <summary>Sends batches to this process's account grains, through the same ingest as POST /events.</summary>
    public static BatchSink Into(EventIngest ingest) => (firstIndex, lines) =>
        ingest.IngestAsync(lines.Select((line, i) => BatchBody.ReadLine(firstIndex + i, line)).ToList());

    /// <param name="progress">Receives the share of the file read so far, 0–1.</param>
    public static async Task<IngestReport> RunAsync(string path, BatchSink send, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        using var reader = new StreamReader(file);
        int accepted = 0, duplicates = 0, index = 0;
        var rejected = new List<Rejection>();
        var batch = new List<string>(BatchSize);

        async Task Flush()
        {
            var report = await send(index - batch.Count, batch);
            accepted += report.Accepted;
            duplicates += report.Duplicates;
            rejected.AddRange(report.Rejected);
            batch.Clear();
            progress?.Report(file.Length == 0 ? 1 : (double)file.Position / file.Length);
        }

        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue; // blank lines take no index, as over HTTP
            batch.Add(line);
            index++;
            if (batch.Count == BatchSize) await Flush();
        }
        if (batch.Count > 0) await Flush();
        return new IngestReport(accepted, duplicates, rejected);
    }
}
