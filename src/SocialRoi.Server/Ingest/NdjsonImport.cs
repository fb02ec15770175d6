using System.Buffers;

namespace SocialRoi.Server.Ingest;

/// <summary>One non-blank line of an NDJSON file, as bytes, with where it starts in the file.</summary>
public sealed record NdjsonLine(ReadOnlyMemory<byte> Bytes, long Offset);

/// <summary>Where an import sends each batch of lines: this process's silo, or a running server.</summary>
/// <param name="firstIndex">The 0-based index of the batch's first event in the whole file.</param>
public delegate Task<IngestReport> BatchSink(int firstIndex, IReadOnlyList<NdjsonLine> lines);

/// <summary>
/// Streams an NDJSON file in batches, so files larger than memory import fine. Lines stay bytes
/// until they are checked, so a line that is not UTF-8 is rejected at its index, never "repaired".
/// </summary>
public static class NdjsonImport
{
    public const int BatchSize = 5_000;

    /// <summary>Sends batches to this process's account grains, through the same ingest as POST /events.</summary>
    public static BatchSink Into(EventIngest ingest, BatchBody reader) => (firstIndex, lines) =>
        ingest.IngestAsync(reader.ReadLines(firstIndex, lines));

    /// <param name="progress">Receives the share of the file read so far, 0–1.</param>
    public static async Task<IngestReport> RunAsync(string path, BatchSink send, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await RunAsync(file, send, progress, cancellationToken);
    }

    public static async Task<IngestReport> RunAsync(Stream file, BatchSink send, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        int accepted = 0, duplicates = 0, index = 0;
        var rejected = new List<Rejection>();
        var batch = new List<NdjsonLine>(BatchSize);

        async Task Flush()
        {
            var report = await send(index - batch.Count, batch);
            accepted += report.Accepted;
            duplicates += report.Duplicates;
            rejected.AddRange(report.Rejected);
            batch.Clear();
            progress?.Report(file.Length == 0 ? 1 : (double)file.Position / file.Length);
        }

        await foreach (var line in LinesAsync(file, cancellationToken))
        {
            batch.Add(line);
            index++;
            if (batch.Count == BatchSize) await Flush();
        }
        if (batch.Count > 0) await Flush();
        return new IngestReport(accepted, duplicates, rejected);
    }

    /// <summary>The non-blank lines (blank lines take no index, as over HTTP).</summary>
    private static async IAsyncEnumerable<NdjsonLine> LinesAsync(Stream file, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var line = new ArrayBufferWriter<byte>();
        long offset = 0, lineStart = 0;
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var chunk = buffer.AsMemory(0, read);
            while (chunk.Length > 0)
            {
                var newline = chunk.Span.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    line.Write(chunk.Span);
                    offset += chunk.Length;
                    break;
                }
                line.Write(chunk.Span[..newline]);
                offset += newline + 1;
                chunk = chunk[(newline + 1)..];
                if (!IsBlank(line.WrittenSpan)) yield return new NdjsonLine(line.WrittenSpan.ToArray(), lineStart);
                line.Clear();
                lineStart = offset;
            }
        }
        if (!IsBlank(line.WrittenSpan)) yield return new NdjsonLine(line.WrittenSpan.ToArray(), lineStart);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;
}
