using System.Data.Common;
using System.Threading.Channels;
using SocialRoi.Domain.Events;

namespace SocialRoi.Storage;

/// <summary>
/// Reads an account's whole log, as its activation does: one thread fetches the rows while the
/// caller turns their bodies into events. For a million-event account each half takes about a
/// second, so overlapping them takes about a second off every such restart. Shared by both stores.
/// </summary>
/// <remarks>
/// The stores fetch the rows in whatever order their index gives and the events are put in position
/// order here: asked to order by position, SQLite sorted a million rows, bodies and all, in a
/// temporary tree (~0.4 s of every such restart), and PostgreSQL sorts them too.
/// </remarks>
internal static class LogReading
{
    private const int RowsPerChunk = 4_096;

    /// <param name="command">Selects (position, body) of one account's events, in any order.</param>
    /// <param name="body">The body column of the current row as UTF-8.</param>
    public static async Task<EngagementEvent[]> ReadAsync(
        DbCommand command, Func<DbDataReader, byte[]> body, NamePool names, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<(long Position, byte[] Body)[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        // Task.Run: Microsoft.Data.Sqlite reads synchronously even when asked to read asynchronously.
        var fetching = Task.Run(() => FetchAsync(command, body, chunks.Writer, stop.Token), stop.Token);
        var positions = new List<long>();
        var events = new List<EngagementEvent>();
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var (position, json) in chunk)
                {
                    positions.Add(position);
                    events.Add(EventJson.Read(json, names));
                }
            }
        }
        catch
        {
            stop.Cancel(); // a stored event that no longer reads: stop fetching, report the event's error
            try { await fetching; } catch (OperationCanceledException) { }
            throw;
        }
        await fetching;
        var inLogOrder = events.ToArray();
        Array.Sort(positions.ToArray(), inLogOrder);
        return inLogOrder;
    }

    private static async Task FetchAsync(
        DbCommand command, Func<DbDataReader, byte[]> body, ChannelWriter<(long, byte[])[]> chunks, CancellationToken cancellationToken)
    {
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var chunk = new List<(long, byte[])>(RowsPerChunk);
            while (await reader.ReadAsync(cancellationToken))
            {
                chunk.Add((reader.GetInt64(0), body(reader)));
                if (chunk.Count < RowsPerChunk) continue;
                await chunks.WriteAsync(chunk.ToArray(), cancellationToken);
                chunk.Clear();
            }
            if (chunk.Count > 0) await chunks.WriteAsync(chunk.ToArray(), cancellationToken);
            chunks.Complete();
        }
        catch (Exception error)
        {
            chunks.Complete(error);
            throw;
        }
    }
}
