namespace SocialRoi.Server.Ingest;

/// <summary>Streams an NDJSON file through ingest in batches, so files larger than memory import fine.</summary>
public static class NdjsonImport
{
    public const int BatchSize = 5_000;

    /// <param name="progress">Receives the share of the file read so far, 0–1.</param>
    public static async Task<IngestReport> RunAsync(EventIngest ingest, string path, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        using var reader = new StreamReader(file);
        int accepted = 0, duplicates = 0, index = 0;
        var rejected = new List<Rejection>();
        var batch = new List<SubmittedEvent>(BatchSize);

        async Task Flush()
        {
            var report = await ingest.IngestAsync(batch);
            accepted += report.Accepted;
            duplicates += report.Duplicates;
            rejected.AddRange(report.Rejected);
            batch.Clear();
            progress?.Report(file.Length == 0 ? 1 : (double)file.Position / file.Length);
        }

        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue; // blank lines take no index, as over HTTP
            batch.Add(BatchBody.ReadLine(index++, line));
            if (batch.Count == BatchSize) await Flush();
        }
        await Flush();
        return new IngestReport(accepted, duplicates, rejected);
    }
}
