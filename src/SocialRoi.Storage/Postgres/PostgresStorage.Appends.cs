using Npgsql;
using NpgsqlTypes;
using SocialRoi.Domain.Events;

namespace SocialRoi.Storage.Postgres;

/// <summary>
/// Event appends, written by <see cref="GroupCommit"/>. As one statement each (~100 events of a
/// 5,000-event batch), the server paid per append a COPY's start and end, the statement trigger
/// that counts stored events, and a commit. Each group is now one binary COPY. Two writer loops,
/// so that one group is sent while the other's commit is awaited.
/// </summary>
/// <remarks>
/// A group holding a key already stored (a re-sent export) fails its COPY as a whole, nothing
/// written; the group is then written by one idempotent INSERT … ON CONFLICT DO NOTHING, which
/// sorts stored from duplicate and conflicting events. Either way a group is one statement.
/// </remarks>
public sealed partial class PostgresStorage
{
    private readonly GroupCommit _appends;

    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken) =>
        _appends.AppendAsync(events);

    private async Task<IReadOnlyList<AppendOutcome[]>> WriteGroupAsync(IReadOnlyList<PendingAppend> group)
    {
        var events = group.SelectMany(append => append.Events).ToArray();
        var bodies = group.SelectMany(append => append.Bodies).ToArray();
        await using var connection = await _dataSource.OpenConnectionAsync();
        var outcomes = await TryCopyAsync(connection, events, bodies)
            ? Enumerable.Repeat(AppendOutcome.Stored, events.Length).ToArray()
            : await InsertAsync(connection, events, bodies);
        var perAppend = new AppendOutcome[group.Count][];
        var first = 0;
        for (var g = 0; g < group.Count; g++)
        {
            perAppend[g] = outcomes[first..(first + group[g].Events.Count)];
            first += group[g].Events.Count;
        }
        return perAppend;
    }

    /// <summary>
    /// The usual group is all new events: COPY writes them at the server's bulk rate, at about a third
    /// of the insert's cost to the server. A key already stored fails it as a whole, nothing written: false then.
    /// </summary>
    private static async Task<bool> TryCopyAsync(NpgsqlConnection connection, EngagementEvent[] events, string[] bodies)
    {
        try
        {
            await using var copy = await connection.BeginBinaryImportAsync("COPY events (account, id, type, at_ticks, body) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < events.Length; i++)
            {
                var e = events[i];
                await copy.StartRowAsync();
                await copy.WriteAsync(e.Account, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Type.Wire(), NpgsqlDbType.Text);
                await copy.WriteAsync(e.At.UtcTicks, NpgsqlDbType.Bigint);
                await copy.WriteAsync(bodies[i], NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
            return true;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>The group as one statement, its events as arrays: atomic, and one round trip.</summary>
    private static async Task<AppendOutcome[]> InsertAsync(NpgsqlConnection connection, EngagementEvent[] events, string[] bodies)
    {
        var (accounts, ids) = (events.Select(e => e.Account).ToArray(), events.Select(e => e.Id).ToArray());
        var stored = new HashSet<(string, string)>();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO events (account, id, type, at_ticks, body)
            SELECT account, id, type, at_ticks, body
            FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) WITH ORDINALITY AS batch (account, id, type, at_ticks, body, ord)
            ORDER BY ord
            ON CONFLICT (account, id) DO NOTHING
            RETURNING account, id
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = accounts });
            insert.Parameters.Add(new NpgsqlParameter { Value = ids });
            insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Type.Wire()).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.At.UtcTicks).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = bodies });
            await using var reader = await insert.ExecuteReaderAsync();
            while (await reader.ReadAsync()) stored.Add((reader.GetString(0), reader.GetString(1)));
        }

        // Keys not stored just now: what the log holds for them. A stored event never changes, so
        // reading it after the insert committed is safe.
        var logged = new Dictionary<(string, string), string>();
        if (stored.Count < events.Length)
        {
            await using var select = new NpgsqlCommand(
                "SELECT e.account, e.id, e.body FROM events e JOIN unnest($1::text[], $2::text[]) AS k (account, id) USING (account, id)", connection);
            select.Parameters.Add(new NpgsqlParameter { Value = accounts });
            select.Parameters.Add(new NpgsqlParameter { Value = ids });
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) logged[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        var results = new AppendOutcome[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            // The first occurrence of a newly stored key is the stored one; later ones in the batch compare against it.
            var key = (events[i].Account, events[i].Id);
            results[i] = stored.Remove(key)
                ? AppendOutcome.Stored
                : logged[key] == bodies[i] ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
        }
        return results;
    }
}
