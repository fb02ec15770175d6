namespace SocialRoi.Server.Ingest;

/// <summary>Bound from "Ingest": what one POST /events may hold (docs/security.md lists them).</summary>
public sealed record IngestLimits
{
    /// <summary>SPEC §7: 16 MiB by default; a larger body is a 413.</summary>
    public long MaxBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Events in one batch; more is a 413 and nothing of it is stored.</summary>
    public int MaxEventsPerBatch { get; init; } = 50_000;

    /// <summary>How deep JSON may nest: an event is an object in an array, so 3 would do; 16 leaves room.</summary>
    public int MaxJsonDepth { get; init; } = 16;

    /// <summary>One NDJSON line; a longer line is rejected at its index.</summary>
    public int MaxLineBytes { get; init; } = 64 * 1024;
}
