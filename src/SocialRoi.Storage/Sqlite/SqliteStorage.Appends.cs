using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SocialRoi.Domain.Events;

namespace SocialRoi.Storage.Sqlite;

/// <summary>
/// Group commit. Many account grains append at once and every commit is an fsync (about 1 ms
/// here), which capped ingest when each grain's append committed alone. Appends queue for one
/// writer loop; each turn of the loop writes everything queued since the last one in a single
/// transaction and answers each append only after that commit. Idle, a lone append is written at
/// once; busy, appends share commits.
/// </summary>
public sealed partial class SqliteStorage
{
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _appendWriter;

    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken)
    {
        // Serialised here, on the caller's thread, so the writer loop spends its time in SQLite only.
        var append = new PendingAppend(events.Select(e => new EventRow(e, EventJson.Write(e))).ToList());
        if (!_appends.Writer.TryWrite(append)) throw new ObjectDisposedException(nameof(SqliteStorage), "the store is closed");
        return append.Done.Task; // not cancellable once queued: the writer may already hold it
    }

    private void StartAppendWriter() => _appendWriter = Task.Run(WriteAppendsAsync);

    private async Task StopAppendWriterAsync()
    {
        _appends.Writer.TryComplete();
        if (_appendWriter is not null) await _appendWriter; // what was queued is still written
    }

    private async Task WriteAppendsAsync()
    {
        var queue = _appends.Reader;
        while (await queue.WaitToReadAsync())
        {
            var group = new List<PendingAppend>();
            while (queue.TryRead(out var append)) group.Add(append);
            try
            {
                var outcomes = await WriteAsync(connection => WriteGroupAsync(connection, group), CancellationToken.None);
                for (var g = 0; g < group.Count; g++) group[g].Done.SetResult(outcomes[g]);
            }
            catch (Exception error)
            {
                foreach (var append in group) append.Done.SetException(error); // one transaction: nothing of the group was committed
            }
        }
    }

    private static async Task<List<AppendOutcome[]>> WriteGroupAsync(SqliteConnection connection, List<PendingAppend> group)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = Command(connection, transaction,
            "INSERT INTO events (account, id, type, at_ticks, body) VALUES ($account, $id, $type, $at, $body) ON CONFLICT (account, id) DO NOTHING");
        await using var existing = Command(connection, transaction, "SELECT body FROM events WHERE account = $account AND id = $id");
        var outcomes = new List<AppendOutcome[]>(group.Count);
        var storedPerAccount = new Dictionary<string, long>();
        foreach (var append in group)
        {
            var results = new AppendOutcome[append.Rows.Count];
            for (var i = 0; i < results.Length; i++)
            {
                var (e, body) = append.Rows[i];
                insert.Parameters["$account"].Value = e.Account;
                insert.Parameters["$id"].Value = e.Id;
                insert.Parameters["$type"].Value = e.Type.Wire();
                insert.Parameters["$at"].Value = e.At.UtcTicks;
                insert.Parameters["$body"].Value = body;
                if (await insert.ExecuteNonQueryAsync() == 1)
                {
                    results[i] = AppendOutcome.Stored;
                    storedPerAccount[e.Account] = storedPerAccount.GetValueOrDefault(e.Account) + 1;
                    continue;
                }
                existing.Parameters["$account"].Value = e.Account;
                existing.Parameters["$id"].Value = e.Id;
                var stored = (string?)await existing.ExecuteScalarAsync();
                results[i] = stored == body ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
            }
            outcomes.Add(results);
        }
        await CountStoredEventsAsync(connection, transaction, storedPerAccount);
        await transaction.CommitAsync();
        return outcomes;
    }

    /// <summary>Adds the events this commit stores to their accounts' counts, in the same transaction.</summary>
    private static async Task CountStoredEventsAsync(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, long> storedPerAccount)
    {
        await using var count = Command(connection, transaction, """
            INSERT INTO account_event_counts (account, events) VALUES ($account, $events)
            ON CONFLICT (account) DO UPDATE SET events = events + excluded.events
            """);
        foreach (var (account, events) in storedPerAccount)
        {
            count.Parameters["$account"].Value = account;
            count.Parameters["$events"].Value = events;
            await count.ExecuteNonQueryAsync();
        }
    }

    private sealed record EventRow(EngagementEvent Event, string Body);

    private sealed class PendingAppend(List<EventRow> rows)
    {
        public List<EventRow> Rows { get; } = rows;

        // Completed by the writer loop: the appending grain's continuation must not run on it.
        public TaskCompletionSource<IReadOnlyList<AppendOutcome>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
