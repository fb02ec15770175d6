using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Health;

/// <summary>
/// SPEC §8: the figure of every check over the window [asOf − 90 days, asOf), from an index that
/// holds only the events before asOf. A figure is null when its input is empty (the check is then
/// unknown).
/// </summary>
public static class HealthFigures
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    private const double Negative = -0.3; // SPEC §8: "sentiment < −0.3" is strict

    public static IReadOnlyDictionary<string, double?> Measure(HistoryIndex index, IReadOnlyList<Goal> goals, DateTimeOffset asOf)
    {
        var window = new TimeRange(asOf - Window, asOf);
        List<EngagementEvent> OfType(EventType type) => index.InRange(window, type).ToList();
        var (posts, costs, clicks) = (OfType(EventType.Post), OfType(EventType.Cost), OfType(EventType.Click));
        var hashed = posts.Where(p => p.ContentHash is not null).ToList();
        var responses = ResponseTimes.Measure(index, window);
        var totalCost = costs.Sum(c => c.Amount!.Value);

        return new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["no-goals"] = goals.Count(g => g.From < window.To && g.To > window.From),
            ["posting-consistency"] = posts.Count == 0 ? null : WeeksWithAPost(posts, asOf) / 13.0,
            ["posting-decay"] = Ratio(posts.Count(p => p.At >= asOf - Window / 2), posts.Count(p => p.At < asOf - Window / 2)),
            ["over-posting"] = posts.Count == 0 ? null : posts.GroupBy(p => p.Platform, StringComparer.Ordinal)
                .Max(platform => (double)platform.Count() / platform.Select(p => p.At.UtcDateTime.Date).Distinct().Count()),
            ["self-promotion"] = Ratio(posts.Count(p => p.Promotional == true), posts.Count),
            ["response-rate"] = responses.ResponseRate,
            ["response-time"] = responses.MedianResponseMinutes,
            ["ignored-complaints"] = responses.Inbound == 0 ? null : IgnoredComplaints(index.Conversations.InboundIn(window), asOf),
            ["over-automation"] = responses.AutomatedShare,
            ["talk-vs-listen"] = Ratio(responses.Replies, posts.Count),
            ["negative-tone"] = Ratio(NegativeReplies(index.Conversations.RepliesIn(window)), responses.Replies),
            ["repeated-content"] = hashed.Count == 0 ? null : hashed.GroupBy(p => (p.Platform, p.ContentHash)).Max(g => g.Count()),
            ["same-everywhere"] = hashed.Count == 0 ? null : hashed.GroupBy(p => p.ContentHash, StringComparer.Ordinal)
                .Average(g => g.Select(p => p.Platform).Distinct(StringComparer.Ordinal).Count() >= 3 ? 1.0 : 0.0),
            ["vanity-audience"] = AudienceTiers.Count(index, window).VanityShare(),
            ["roi-unmeasurable"] = costs.Count,
            ["hidden-costs"] = totalCost == 0 ? null
                : (double)(costs.Where(c => c.Category is CostCategory.Staff or CostCategory.Content).Sum(c => c.Amount!.Value) / totalCost),
            ["owned-assets"] = Ratio(clicks.Count(c => c.Owned == true), clicks.Count),
        };
    }

    /// <summary>Negative inbound events more than 24 hours old, still unanswered.</summary>
    private static int IgnoredComplaints(IEnumerable<ReadOnlyMemory<InboundRow>> inbound, DateTimeOffset asOf)
    {
        var dayBefore = (asOf - TimeSpan.FromHours(24)).UtcTicks;
        var ignored = 0;
        foreach (var run in inbound)
        {
            foreach (var row in run.Span)
            {
                if (row.Sentiment < Negative && row.At < dayBefore && !row.IsAnswered) ignored++;
            }
        }
        return ignored;
    }

    private static int NegativeReplies(IEnumerable<ReadOnlyMemory<ReplyRow>> replies)
    {
        var negative = 0;
        foreach (var run in replies)
        {
            foreach (var reply in run.Span)
            {
                if (reply.Sentiment < Negative) negative++;
            }
        }
        return negative;
    }

    /// <summary>The 13 weeks counted back from asOf (the oldest 6 days long, to stay in the window) with at least one post.</summary>
    private static int WeeksWithAPost(IEnumerable<EngagementEvent> posts, DateTimeOffset asOf) =>
        posts.Select(p => ((asOf - p.At).Ticks - 1) / TimeSpan.FromDays(7).Ticks).Distinct().Count(); // week 0 is [asOf − 7 d, asOf)

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
