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
    public static ResponseTimes Measure(HistoryIndex index, TimeRange range)
    {
        var minutes = new List<double>();
        int inbound = 0, replies = 0, automated = 0;
        foreach (var e in EventTypeNames.Inbound.Prepend(EventType.Reply).SelectMany(type => index.InRange(range, type)))
        {
            if (e.Type == EventType.Reply)
            {
                replies++;
                if (e.Automated == true) automated++;
            }
            else if (e.Type.IsInbound())
            {
                inbound++;
                if (index.FirstAnswer(e) is { } answeredAt)
                    minutes.Add((answeredAt - e.At).Ticks / (double)TimeSpan.TicksPerMinute);
            }
        }
        minutes.Sort();
        return new ResponseTimes(inbound, minutes.Count, replies, automated,
            inbound == 0 ? null : (double)minutes.Count / inbound, Median(minutes), NearestRank90(minutes));
    }

    private static double? Median(List<double> sorted)
    {
        var n = sorted.Count;
        if (n == 0) return null;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    // The ⌈0.9·n⌉-th smallest, in integer arithmetic: 0.9·n in floating point can overshoot a whole number.
    private static double? NearestRank90(List<double> sorted)
    {
        var n = sorted.Count;
        if (n == 0) return null;
        var rank = (9 * n + 9) / 10;
        return sorted[rank - 1];
    }
}
