namespace SocialRoi.Server.Ingest;

/// <summary>One rejected event: where it was in the batch, its id if it had one, and what to fix.</summary>
public sealed record Rejection(int Index, string? Id, string Error);

/// <summary>SPEC §7: the answer to POST /api/v1/events.</summary>
public sealed record IngestReport(int Accepted, int Duplicates, IReadOnlyList<Rejection> Rejected);
