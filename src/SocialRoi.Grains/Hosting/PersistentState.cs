using System.Text.Json;
using SocialRoi.Domain.Persistence;

namespace SocialRoi.Grains.Hosting;

/// <summary>
/// A grain's persisted state, shaped like Orleans' IPersistentState: read at activation, written
/// with the ETag it was read at. At most one write is in flight; writes asked for meanwhile are
/// merged into the single write queued behind it (as in the Chirper sample), so they never race.
/// The state is an immutable record, replaced whole, so a write snapshots a consistent value.
/// </summary>
public sealed class PersistentState<TState>(string grainType, string grainId, IGrainStorage storage, Action onWriteFailed)
    where TState : class, new()
{
    private readonly Lock _gate = new();
    private Task? _inFlight;
    private Task? _queued;

    public TState State { get; set; } = new();

    public string? ETag { get; private set; }

    /// <summary>True once the state has been written at least once.</summary>
    public bool RecordExists => ETag is not null;

    public async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        var stored = await storage.ReadStateAsync(grainType, grainId, cancellationToken);
        State = stored.Json is null ? new TState() : JsonSerializer.Deserialize<TState>(stored.Json) ?? new TState();
        ETag = stored.ETag;
    }

    /// <summary>Writes the current state; completes when a write that includes it has committed.</summary>
    public Task WriteStateAsync()
    {
        lock (_gate)
        {
            if (_queued is not null) return _queued;
            if (_inFlight is null || _inFlight.IsCompleted) return _inFlight = WriteOnceAsync();
            return _queued = _inFlight = WriteAfterAsync(_inFlight);
        }
    }

    /// <summary>Starts a merged write without waiting; a failure drops the activation (state reloads from storage).</summary>
    public void RequestWrite() => _ = WriteStateAsync().ContinueWith(
        failed => _ = failed.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);

    /// <summary>Waits until no write is in flight or queued.</summary>
    public async Task FlushAsync()
    {
        Task? pending;
        lock (_gate) pending = _inFlight;
        if (pending is not null) await pending;
    }

    private async Task WriteAfterAsync(Task previous)
    {
        await Task.Yield(); // never run on the caller's thread while it still holds the gate
        try { await previous; } catch { /* that write's own callers see its failure */ }
        lock (_gate) _queued = null; // from here on this write has taken its snapshot: later changes need the next one
        await WriteOnceAsync();
    }

    private async Task WriteOnceAsync()
    {
        var json = JsonSerializer.Serialize(State);
        try
        {
            ETag = await storage.WriteStateAsync(grainType, grainId, json, ETag, CancellationToken.None);
        }
        catch
        {
            onWriteFailed();
            throw;
        }
    }
}
