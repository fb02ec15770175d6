using System.Threading.Channels;
using SocialRoi.Domain.Events;

namespace SocialRoi.Storage;

/// <summary>One account grain's append, waiting for the commit that holds it.</summary>
internal sealed class PendingAppend(IReadOnlyList<EngagementEvent> events, string[] bodies)
{
    public IReadOnlyList<EngagementEvent> Events { get; } = events;

    /// <summary>Each event's canonical JSON, in the order of <see cref="Events"/>.</summary>
    public string[] Bodies { get; } = bodies;

    // Completed by a writer loop: the appending grain's continuation must not run on it.
    public TaskCompletionSource<IReadOnlyList<AppendOutcome>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit, shared by both stores. Many account grains append at once, and a commit costs
/// the same for one event as for thousands (an fsync, a statement's round trips). Appends queue
/// here; each turn of a writer loop hands everything queued since its last turn to the store,
/// which writes the group in one commit, and each append is answered only after that commit. Idle,
/// a lone append is written at once; busy, appends share commits. An append's events are never
/// split across commits, and if a group's commit fails every append in it fails.
/// </summary>
internal sealed class GroupCommit(string store, int writers, Func<IReadOnlyList<PendingAppend>, Task<IReadOnlyList<AppendOutcome[]>>> writeGroup)
{
    private readonly Channel<PendingAppend> _appends =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = writers == 1 });
    private Task[] _writers = [];

    /// <summary>Starts the writer loops; the store calls it once its tables exist.</summary>
    public void Start() => _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteGroupsAsync)).ToArray();

    /// <summary>Queues an append; the task completes with one outcome per event once its group committed.</summary>
    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EngagementEvent> events)
    {
        if (events.Count == 0) return Task.FromResult<IReadOnlyList<AppendOutcome>>([]);
        // Serialised here, on the caller's thread, so the writer loops spend their time in the database.
        var append = new PendingAppend(events, events.Select(EventJson.Write).ToArray());
        if (!_appends.Writer.TryWrite(append)) throw new ObjectDisposedException(store, "the store is closed");
        return append.Done.Task; // not cancellable once queued: a writer may already hold it
    }

    /// <summary>Refuses new appends and waits until what was queued is written and answered.</summary>
    public async Task StopAsync()
    {
        _appends.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task WriteGroupsAsync()
    {
        var queue = _appends.Reader;
        while (await queue.WaitToReadAsync())
        {
            var group = new List<PendingAppend>();
            while (queue.TryRead(out var append)) group.Add(append);
            if (group.Count == 0) continue; // another loop took them
            try
            {
                var outcomes = await writeGroup(group);
                for (var g = 0; g < group.Count; g++) group[g].Done.SetResult(outcomes[g]);
            }
            catch (Exception error)
            {
                foreach (var append in group) append.Done.TrySetException(error); // one commit: nothing of the group was stored
            }
        }
    }
}
