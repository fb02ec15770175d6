using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;
using static SocialRoi.Domain.Tests.Ev;

namespace SocialRoi.Domain.Tests;

/// <summary>SPEC §5 response figures and §6 money figures on small examples.</summary>
public class ResponseAndMoneyTests
{
    private static readonly TimeRange July = new(Day0, Day0.AddDays(31));
    private const double Minute = 1.0 / 1440;

    private static AccountSummary Summarise(IEnumerable<EngagementEvent> events, AccountSettings? settings = null)
    {
        var history = new AccountHistory();
        foreach (var e in events) history.Add(e);
        return AccountSummary.Compute("acme", history, settings ?? new AccountSettings(), July, AttributionModel.LastTouch);
    }

    /// <summary>Inbound messages answered after the given minutes (null: never).</summary>
    private static IEnumerable<EngagementEvent> Answered(params int?[] minutes)
    {
        for (var i = 0; i < minutes.Length; i++)
        {
            yield return Make("message", $"m{i}", 1 + i, new { platform = "x", actor = $"a{i}" });
            if (minutes[i] is { } after) yield return Make("reply", $"r{i}", 1 + i + after * Minute, new { platform = "x", @ref = $"m{i}", automated = i % 2 == 0 });
        }
    }

    [Fact]
    public void Median_of_an_odd_count_is_the_middle_value_and_p90_is_the_nearest_rank()
    {
        var summary = Summarise(Answered(50, 10, 30, null));
        Assert.Equal(0.75, summary.ResponseRate);
        Assert.Equal(30, summary.MedianResponseMinutes!.Value, 6);
        Assert.Equal(50, summary.P90ResponseMinutes!.Value, 6); // ⌈0.9·3⌉ = 3rd
        Assert.Equal(3, summary.Conversations);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        var summary = Summarise(Answered(40, 10, 30, 20));
        Assert.Equal(25, summary.MedianResponseMinutes!.Value, 6);
        Assert.Equal(40, summary.P90ResponseMinutes!.Value, 6); // ⌈3.6⌉ = 4th
    }

    [Fact]
    public void P90_of_ten_answers_is_the_ninth_not_the_tenth()
    {
        var summary = Summarise(Answered(1, 2, 3, 4, 5, 6, 7, 8, 9, 100));
        Assert.Equal(9, summary.P90ResponseMinutes!.Value, 6); // ⌈0.9·10⌉ = 9, exactly
    }

    [Fact]
    public void Replies_to_unknown_or_later_events_are_ignored_and_the_earliest_answer_counts()
    {
        var summary = Summarise([
            Make("comment", "m1", 2, new { platform = "x", actor = "ann" }),
            Make("reply", "early", 1, new { platform = "x", @ref = "m1" }),          // before the comment: no answer
            Make("reply", "ghost", 2, new { platform = "x", @ref = "no-such-id" }),   // unknown ref: ignored, no error
            Make("reply", "second", 2 + 20 * Minute, new { platform = "x", @ref = "m1" }),
            Make("reply", "first", 2 + 5 * Minute, new { platform = "x", @ref = "m1" }),
        ]);
        Assert.Equal(1.0, summary.ResponseRate);
        Assert.Equal(5, summary.MedianResponseMinutes!.Value, 6);
        Assert.Equal(4, summary.Replies);
    }

    [Fact]
    public void Replies_that_arrive_before_their_comment_answer_it_from_the_earliest_not_before_it()
    {
        var history = new AccountHistory();
        history.Add(Make("like", "l1", 1, new { platform = "x", actor = "bob" }));
        _ = history.Index; // built: from here on each event is indexed as it arrives
        history.Add(Make("reply", "early", 1, new { platform = "x", @ref = "m1" }));
        history.Add(Make("reply", "second", 2 + 20 * Minute, new { platform = "x", @ref = "m1" }));
        history.Add(Make("reply", "first", 2 + 5 * Minute, new { platform = "x", @ref = "m1" }));
        history.Add(Make("comment", "m1", 2, new { platform = "x", actor = "ann" }));

        var summary = AccountSummary.Compute("acme", history, new AccountSettings(), July, AttributionModel.LastTouch);

        Assert.Equal(1.0, summary.ResponseRate);
        Assert.Equal(5, summary.MedianResponseMinutes!.Value, 6);
    }

    [Fact]
    public void Without_inbound_or_answers_the_response_figures_are_null()
    {
        var none = Summarise([Make("like", "k1", 1, new { platform = "x", actor = "ann" })]);
        Assert.Null(none.ResponseRate);
        Assert.Null(none.MedianResponseMinutes);
        Assert.Null(none.AutomatedShare);
        var unanswered = Summarise(Answered([null]));
        Assert.Equal(0.0, unanswered.ResponseRate);
        Assert.Null(unanswered.MedianResponseMinutes);
        Assert.Null(unanswered.P90ResponseMinutes);
    }

    [Fact]
    public void Automated_share_is_automated_replies_over_replies()
    {
        Assert.Equal(2.0 / 3, Summarise(Answered(1, 2, 3)).AutomatedShare!.Value, 12); // replies 0 and 2 are automated
    }

    [Fact]
    public void Roi_is_null_without_cost_and_counts_the_margin_when_there_is_cost()
    {
        List<EngagementEvent> events =
        [
            Make("like", "t1", 1, new { platform = "x", actor = "ann", post = "p1" }),
            Make("purchase", "b1", 2, new { platform = "x", actor = "ann", amount = 300 }),
            Make("purchase", "b2", 2, new { customer = "walk-in", amount = 1000 }), // direct: not in ROI
        ];
        var free = Summarise(events);
        Assert.Null(free.Roi);
        Assert.Equal(0m, free.Cac); // cac is null only without new customers
        events.Add(Make("cost", "c1", 1, new { amount = 100, category = "staff" }));
        var paid = Summarise(events, new AccountSettings { Margin = 0.5m });
        Assert.Equal(0.5m, paid.Roi);       // (300 × 0.5 − 100) / 100
        Assert.Equal(50m, paid.Cac);        // 100 / 2 new customers
        Assert.Equal(2, paid.NewCustomers);
    }

    [Fact]
    public void A_new_customer_is_one_whose_first_purchase_ever_lies_in_the_range()
    {
        var summary = Summarise([
            Make("purchase", "old", -10, new { customer = "c1", amount = 5 }),
            Make("purchase", "again", 3, new { customer = "c1", amount = 5 }),
            Make("purchase", "first", 4, new { platform = "x", actor = "ann", amount = 5 }),
            Make("purchase", "first-again", 5, new { platform = "x", actor = "ann", amount = 5 }),
            Make("purchase", "later", 40, new { customer = "c2", amount = 5 }),
        ]);
        Assert.Equal(1, summary.NewCustomers); // only x:ann
        Assert.Equal(3, summary.Purchases);
    }

    [Fact]
    public void A_refund_that_arrives_before_its_purchase_takes_back_the_purchases_social_revenue()
    {
        var history = new AccountHistory();
        history.Add(Make("post", "post-1", 0, new { platform = "x", post = "p1" }));
        _ = history.Index; // the rest arrive as ingest adds them, the refund first
        history.Add(Make("refund", "rf1", 5, new { @ref = "b1", amount = 40 }));
        history.Add(Make("like", "k1", 1, new { platform = "x", actor = "ann", post = "p1" }));
        history.Add(Make("purchase", "b1", 4, new { platform = "x", actor = "ann", amount = 100 }));

        var summary = AccountSummary.Compute("acme", history, new AccountSettings(), July, AttributionModel.LastTouch);
        Assert.Equal((60m, 60m, 0m), (summary.Revenue, summary.AttributedRevenue, summary.DirectRevenue));
        var row = Funnel.Compute(history.Index, new Attribution(history.Index, new(), AttributionModel.LastTouch), new(), July, FunnelDimension.Post).Single();
        Assert.Equal(60m, row.AttributedRevenue);
    }
}
