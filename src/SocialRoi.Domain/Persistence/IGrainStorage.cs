namespace SocialRoi.Domain.Persistence;

/// <summary>A grain's persisted state with the version (ETag) it was read at; ETag null when never written.</summary>
public sealed record StoredGrainState(string? Json, string? ETag);

/// <summary>
/// Grain state storage with optimistic concurrency, shaped like Orleans' IGrainStorage:
/// a write names the ETag it read, and fails when someone else has written since.
/// </summary>
public interface IGrainStorage
{
    Task<StoredGrainState> ReadStateAsync(string grainType, string grainId, CancellationToken cancellationToken);

    /// <summary>Writes and returns the new ETag; throws <see cref="InconsistentStateException"/> when <paramref name="expectedETag"/> is stale.</summary>
    Task<string> WriteStateAsync(string grainType, string grainId, string json, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Grain ids of a type that have stored state.</summary>
    Task<IReadOnlyList<string>> ListGrainIdsAsync(string grainType, CancellationToken cancellationToken);
}

/// <summary>A state write against a stale version, as in Orleans.</summary>
public sealed class InconsistentStateException(string grainType, string grainId, string? expected, string? actual)
    : Exception($"{grainType}/{grainId}: state was written elsewhere (expected version {expected ?? "none"}, found {actual ?? "none"})");
