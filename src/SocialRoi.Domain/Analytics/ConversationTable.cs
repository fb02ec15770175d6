using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Analytics;

/// <summary>
/// Inbound events and replies as rows ordered by instant, holding what response times, the
/// funnel and the health checks read of each: when it came, when it was first answered, its
/// sentiment, whether it was automated. A busy quarter holds ~35,000 inbound events and ~15,000
/// replies; reading them from contiguous rows, rather than from event objects scattered over the
/// heap plus a lookup of each one's answer, is most of the speed of those figures.
/// </summary>
public sealed class ConversationTable
{
    private readonly TimedRows<InboundRow> _inbound = new();
    private readonly TimedRows<ReplyRow> _replies = new();

    /// <summary>Inbound events with at in the range, in runs ordered by instant.</summary>
    public IEnumerable<ReadOnlyMemory<InboundRow>> InboundIn(TimeRange range) =>
        _inbound.In(range);

    /// <summary>Replies with at in the range, in runs ordered by instant.</summary>
    public IEnumerable<ReadOnlyMemory<ReplyRow>> RepliesIn(TimeRange range) =>
        _replies.In(range);

    internal void AddInbound(EngagementEvent inbound, FunnelKeys keys) =>
        _inbound.Add(new InboundRow(inbound.At.UtcTicks, InboundRow.Unanswered, inbound.Sentiment ?? double.NaN, inbound.Id, inbound.Type, keys));

    internal void AddReply(EngagementEvent reply) =>
        _replies.Add(new ReplyRow(reply.At.UtcTicks, reply.Automated == true, reply.Sentiment ?? double.NaN));

    /// <summary>An inbound event already added has its first answer at this instant from now on.</summary>
    internal void Answered(EngagementEvent inbound, DateTimeOffset answeredAt)
    {
        ref var row = ref _inbound.RowAt(inbound.At.UtcTicks, row => row.Id == inbound.Id);
        row = row with { AnsweredAt = answeredAt.UtcTicks };
    }
}

/// <summary>An inbound event: its instant and first answer's in ticks, its sentiment (NaN when it has none), its type, where the funnel counts it.</summary>
public readonly record struct InboundRow(long At, long AnsweredAt, double Sentiment, string Id, EventType Type, FunnelKeys Keys) : ITimedRow
{
    public const long Unanswered = long.MaxValue;

    public bool IsAnswered => AnsweredAt != Unanswered;

    /// <summary>Whether its first answer came before an instant, in ticks: what was known of it then.</summary>
    public bool IsAnsweredBefore(long ticks) => AnsweredAt < ticks;
}

/// <summary>A reply: its instant in ticks, whether it was automated, its sentiment (NaN when it has none).</summary>
public readonly record struct ReplyRow(long At, bool Automated, double Sentiment) : ITimedRow;
