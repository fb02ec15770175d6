using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Health;

/// <summary>
/// SPEC §8: the figure of every check over the window [asOf − 90 days, asOf), as the account's
/// events stood at asOf: answers and customer links that came at or after asOf do not count yet. A
/// figure is null when its input is empty (the check is then unknown).
/// </summary>
public static class HealthFigures
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    private const double Negative = -0.3; // SPEC §8: "sentiment < −0.3" is strict

    public static IReadOnlyDictionary<string, double?> Measure(HistoryIndex index, IReadOnlyList<Goal> goals, DateTimeOffset asOf)
    {
        var window = new TimeRange(CalendarEdges.Before(asOf, Window), asOf);
        var posting = PostingPattern.Of(index.InRange(window, EventType.Post), asOf);
        var responses = ResponseTimes.AtEndOf(index, window);
        var costs = MoneyFigures.CostsByCategory(index, window);
        var totalCost = costs.Values.Sum();

        return new Dictionary<string, double?>(HealthRule.All.Count, StringComparer.Ordinal)
        {
            ["no-goals"] = goals.Count(g => g.From < window.To && g.To > window.From),
            ["posting-consistency"] = posting.Posts == 0 ? null : posting.WeeksWithAPost / 13.0,
            ["posting-decay"] = Ratio(posting.Recent, posting.Earlier),
            ["over-posting"] = posting.BusiestDailyRate,
            ["self-promotion"] = Ratio(posting.Promotional, posting.Posts),
            ["response-rate"] = responses.ResponseRate,
            ["response-time"] = responses.MedianResponseMinutes,
            ["ignored-complaints"] = responses.Inbound == 0 ? null : IgnoredComplaints(index.Conversations.InboundIn(window), asOf),
            ["over-automation"] = responses.AutomatedShare,
            ["talk-vs-listen"] = Ratio(responses.Replies, posting.Posts),
            ["negative-tone"] = Ratio(NegativeReplies(index.Conversations.RepliesIn(window)), responses.Replies),
            ["repeated-content"] = posting.MostRepeats,
            ["same-everywhere"] = posting.SharedEverywhere,
            ["vanity-audience"] = AudienceAsOf.Count(index, window).VanityShare(),
            ["roi-unmeasurable"] = index.CountInRange(window, EventType.Cost),
            ["hidden-costs"] = totalCost == 0 ? null : (double)((costs[CostCategory.Staff] + costs[CostCategory.Content]) / totalCost),
            ["owned-assets"] = Ratio(index.InRange(window, EventType.Click).Count(c => c.Owned == true), index.CountInRange(window, EventType.Click)),
        };
    }

    /// <summary>Negative inbound events more than 24 hours old, still unanswered at asOf.</summary>
    private static int IgnoredComplaints(IEnumerable<ReadOnlyMemory<InboundRow>> inbound, DateTimeOffset asOf)
    {
        var (dayBefore, then) = (CalendarEdges.Before(asOf, TimeSpan.FromHours(24)).UtcTicks, asOf.UtcTicks);
        var ignored = 0;
        foreach (var run in inbound)
        {
            foreach (var row in run.Span)
            {
                if (row.Sentiment < Negative && row.At < dayBefore && !row.IsAnsweredBefore(then)) ignored++;
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

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
