using System.Text.Json;

namespace SocialRoi.Server.Ingest;

/// <summary>One event of a submitted batch at its 0-based index: its JSON, or why its line did not parse.</summary>
public sealed record SubmittedEvent(int Index, JsonElement? Json, string? ParseError);
