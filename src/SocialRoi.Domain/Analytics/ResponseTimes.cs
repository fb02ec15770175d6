using System.Runtime.InteropServices;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Analytics;

/// <summary>SPEC §5: how fast and how often the brand answers its audience.</summary>
public sealed record ResponseTimes(
    int Inbound,
    int Conversations,
    int Replies,
    int AutomatedReplies,
    double? ResponseRate,
    double? MedianResponseMinutes,
    double? P90ResponseMinutes)
{
    public double? AutomatedShare => Replies == 0 ? null : (double)AutomatedReplies / Replies;

    /// <summary>Inbound events and replies in the range; an inbound counts as answered whenever its reply came.</summary>
    public static ResponseTimes Measure(HistoryIndex index, TimeRange range) => Measure(index, range, InboundRow.Unanswered);

    /// <summary>The same as they stood at the range's end (SPEC §8): an inbound answered only later counts as unanswered.</summary>
    public static ResponseTimes AtEndOf(HistoryIndex index, TimeRange range) => Measure(index, range, range.To.UtcTicks);

    private static ResponseTimes Measure(HistoryIndex index, TimeRange range, long answeredBefore)
    {
        var waits = new List<long>(); // in ticks: they sort as the minutes do, and faster
        var inbound = 0;
        foreach (var run in index.Conversations.InboundIn(range))
        {
            inbound += run.Length;
            foreach (var row in run.Span)
            {
                if (row.IsAnsweredBefore(answeredBefore)) waits.Add(row.AnsweredAt - row.At);
            }
        }
        var sorted = CollectionsMarshal.AsSpan(waits);
        sorted.Sort();
        int replies = 0, automated = 0;
        foreach (var run in index.Conversations.RepliesIn(range))
        {
            replies += run.Length;
            foreach (var reply in run.Span)
            {
                if (reply.Automated) automated++;
            }
        }
        return new ResponseTimes(inbound, sorted.Length, replies, automated,
            inbound == 0 ? null : (double)sorted.Length / inbound, Median(sorted), NearestRank90(sorted));
    }

    private static double Minutes(long ticks) => ticks / (double)TimeSpan.TicksPerMinute;

    private static double? Median(ReadOnlySpan<long> sorted)
    {
        var n = sorted.Length;
        if (n == 0) return null;
        return n % 2 == 1 ? Minutes(sorted[n / 2]) : (Minutes(sorted[n / 2 - 1]) + Minutes(sorted[n / 2])) / 2;
    }

    // The ⌈0.9·n⌉-th smallest, in integer arithmetic: 0.9·n in floating point can overshoot a whole number.
    private static double? NearestRank90(ReadOnlySpan<long> sorted)
    {
        var n = sorted.Length;
        if (n == 0) return null;
        var rank = (9 * n + 9) / 10;
        return Minutes(sorted[rank - 1]);
    }
}
