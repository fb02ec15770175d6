using System.Runtime.InteropServices;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Analytics;

/// <summary>
/// Inbound events and replies as rows ordered by instant, holding what response times and the
/// health checks read of each: when it came, when it was first answered, its sentiment, whether
/// it was automated. A busy quarter holds ~35,000 inbound events and ~15,000 replies; reading
/// them from contiguous rows, rather than from event objects scattered over the heap plus a
/// lookup of each one's answer, is most of the speed of those figures.
/// </summary>
public sealed class ConversationTable
{
    private readonly List<InboundRow> _inbound = [];
    private readonly List<ReplyRow> _replies = [];

    /// <summary>Inbound events with at in the range, ordered by instant.</summary>
    public ReadOnlySpan<InboundRow> InboundIn(TimeRange range) => Slice(CollectionsMarshal.AsSpan(_inbound), range);

    /// <summary>Replies with at in the range, ordered by instant.</summary>
    public ReadOnlySpan<ReplyRow> RepliesIn(TimeRange range) => Slice(CollectionsMarshal.AsSpan(_replies), range);

    internal void AddInbound(EngagementEvent inbound) =>
        Insert(_inbound, new InboundRow(inbound.At.UtcTicks, InboundRow.Unanswered, inbound.Sentiment ?? double.NaN, inbound.Id));

    internal void AddReply(EngagementEvent reply) =>
        Insert(_replies, new ReplyRow(reply.At.UtcTicks, reply.Automated == true, reply.Sentiment ?? double.NaN));

    /// <summary>An inbound event already added has its first answer at this instant from now on.</summary>
    internal void Answered(EngagementEvent inbound, DateTimeOffset answeredAt)
    {
        var rows = CollectionsMarshal.AsSpan(_inbound);
        var at = inbound.At.UtcTicks;
        for (var i = FirstAtOrAfter(rows, at); i < rows.Length && rows[i].At == at; i++)
        {
            if (rows[i].Id != inbound.Id) continue;
            rows[i] = rows[i] with { AnsweredAt = answeredAt.UtcTicks };
            return;
        }
        throw new InvalidOperationException($"inbound event {inbound.Id} was answered before it was added");
    }

    // Events mostly arrive in time order: a late one moves the later rows by one, a few hundred
    // kilobytes at most, which is cheaper than keeping the rows in blocks.
    private static void Insert<TRow>(List<TRow> rows, TRow row) where TRow : struct, ITimedRow
    {
        var span = CollectionsMarshal.AsSpan(rows);
        if (span.Length == 0 || span[^1].At <= row.At) rows.Add(row);
        else rows.Insert(FirstAtOrAfter(span, row.At + 1), row);
    }

    private static ReadOnlySpan<TRow> Slice<TRow>(Span<TRow> rows, TimeRange range) where TRow : struct, ITimedRow
    {
        var start = FirstAtOrAfter(rows, range.From.UtcTicks);
        var end = FirstAtOrAfter(rows, range.To.UtcTicks);
        return rows[start..Math.Max(start, end)];
    }

    private static int FirstAtOrAfter<TRow>(ReadOnlySpan<TRow> rows, long at) where TRow : struct, ITimedRow
    {
        int low = 0, high = rows.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (rows[middle].At < at) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}

/// <summary>A row placed by its instant, in ticks.</summary>
public interface ITimedRow
{
    long At { get; }
}

/// <summary>An inbound event: its instant and first answer's in ticks, its sentiment (NaN when it has none).</summary>
public readonly record struct InboundRow(long At, long AnsweredAt, double Sentiment, string Id) : ITimedRow
{
    public const long Unanswered = long.MaxValue;

    public bool IsAnswered => AnsweredAt != Unanswered;
}

/// <summary>A reply: its instant in ticks, whether it was automated, its sentiment (NaN when it has none).</summary>
public readonly record struct ReplyRow(long At, bool Automated, double Sentiment) : ITimedRow;
