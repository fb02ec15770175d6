using System.Collections.Concurrent;
using SocialRoi.Domain.Persistence;

namespace SocialRoi.Grains.Hosting;

/// <summary>
/// Our in-process stand-in for an Orleans silo, for one grain type: one activation per grain id,
/// one call at a time per activation, activation before the first call, idle collection after
/// the collection age, and a stale-state write dropping the activation so the next call
/// re-activates from storage. Every call passes through the incoming call filters.
/// </summary>
public sealed class GrainHost<TGrain> : IAsyncDisposable where TGrain : Grain
{
    private readonly ConcurrentDictionary<string, GrainActivation<TGrain>> _activations = new(StringComparer.Ordinal);
    private readonly Func<string, TGrain> _create;
    private readonly GrainHostOptions _options;
    private readonly IReadOnlyList<IIncomingGrainCallFilter> _filters;
    private readonly TimeProvider _time;
    private readonly ITimer _collector;
    private long _activationsTotal;

    public GrainHost(Func<string, TGrain> create, GrainHostOptions options, IEnumerable<IIncomingGrainCallFilter> filters, TimeProvider time)
    {
        _create = create;
        _options = options;
        _filters = filters.ToList();
        _time = time;
        _collector = time.CreateTimer(_ => _ = CollectIdleAsync(), null, options.CollectionInterval, options.CollectionInterval);
    }

    /// <summary>Activations alive now.</summary>
    public int ActivationCount => _activations.Count;

    /// <summary>Activations made since start (a re-activation counts again).</summary>
    public long ActivationsTotal => Interlocked.Read(ref _activationsTotal);

    public async Task<T> InvokeAsync<T>(string grainId, string methodName, Func<TGrain, Task<T>> call)
    {
        while (true)
        {
            var activation = _activations.GetOrAdd(grainId, NewActivation);
            await activation.Mailbox.WaitAsync();
            try
            {
                if (activation.IsDeactivated) continue; // collected while this call waited: use a fresh one
                if (!activation.IsActivated) await ActivateAsync(grainId, activation);
                T result = default!;
                await new CallContext(grainId, methodName, _filters, async () => result = await call(activation.Grain)).Invoke();
                return result;
            }
            catch (InconsistentStateException)
            {
                Drop(grainId, activation);
                throw;
            }
            finally
            {
                activation.LastUsed = _time.GetTimestamp();
                activation.Mailbox.Release();
            }
        }
    }

    /// <summary>Deactivates every activation idle for at least the collection age; runs on a timer.</summary>
    public async Task CollectIdleAsync()
    {
        foreach (var (grainId, activation) in _activations)
        {
            if (_time.GetElapsedTime(activation.LastUsed) < _options.CollectionAge) continue;
            if (!activation.Mailbox.Wait(0)) continue; // busy: not idle
            try
            {
                if (activation.IsDeactivated || _time.GetElapsedTime(activation.LastUsed) < _options.CollectionAge) continue;
                await DeactivateAsync(grainId, activation);
            }
            finally
            {
                activation.Mailbox.Release();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _collector.DisposeAsync();
        foreach (var (grainId, activation) in _activations)
        {
            await activation.Mailbox.WaitAsync();
            try
            {
                if (!activation.IsDeactivated) await DeactivateAsync(grainId, activation);
            }
            finally
            {
                activation.Mailbox.Release();
            }
        }
    }

    private GrainActivation<TGrain> NewActivation(string grainId)
    {
        var grain = _create(grainId);
        var activation = new GrainActivation<TGrain>(grain, _time.GetTimestamp());
        grain.Attach(grainId, () => Drop(grainId, activation));
        return activation;
    }

    private async Task ActivateAsync(string grainId, GrainActivation<TGrain> activation)
    {
        try
        {
            await activation.Grain.OnActivateAsync(CancellationToken.None);
        }
        catch
        {
            Drop(grainId, activation);
            throw;
        }
        activation.IsActivated = true;
        Interlocked.Increment(ref _activationsTotal);
    }

    private async Task DeactivateAsync(string grainId, GrainActivation<TGrain> activation)
    {
        try
        {
            if (activation.IsActivated) await activation.Grain.OnDeactivateAsync(CancellationToken.None);
        }
        finally
        {
            Drop(grainId, activation);
        }
    }

    private void Drop(string grainId, GrainActivation<TGrain> activation)
    {
        activation.IsDeactivated = true;
        _activations.TryRemove(new KeyValuePair<string, GrainActivation<TGrain>>(grainId, activation));
    }

    private sealed class CallContext(string grainId, string methodName, IReadOnlyList<IIncomingGrainCallFilter> filters, Func<Task> target)
        : IIncomingGrainCallContext
    {
        private int _next;

        public string GrainId => grainId;
        public string MethodName => methodName;

        public Task Invoke() => _next < filters.Count ? filters[_next++].Invoke(this) : target();
    }
}
