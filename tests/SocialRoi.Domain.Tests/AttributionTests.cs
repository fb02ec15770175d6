using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;
using static SocialRoi.Domain.Tests.Ev;

namespace SocialRoi.Domain.Tests;

/// <summary>SPEC §4: content → conversation → revenue, worked out by hand.</summary>
public class AttributionTests
{
    private static readonly TimeRange July = new(Day0, Day0.AddDays(31));

    /// <summary>Ann likes p1 (day 1), comments on p2 (day 2), clicks p1 (day 3), buys for 90 (day 4).</summary>
    private static List<EngagementEvent> AnnBuysAfterThreeTouches() =>
    [
        Make("post", "post-1", 0, new { platform = "x", post = "p1", campaign = "spring" }),
        Make("post", "post-2", 0, new { platform = "instagram", post = "p2" }),
        Make("like", "t1", 1, new { platform = "x", actor = "ann", post = "p1" }),
        Make("comment", "t2", 2, new { platform = "x", actor = "ann", post = "p2" }),
        Make("click", "t3", 3, new { platform = "x", actor = "ann", post = "p1" }),
        Make("purchase", "b1", 4, new { platform = "x", actor = "ann", amount = 90 }),
    ];

    private static Dictionary<string, decimal> RevenueByPost(IEnumerable<EngagementEvent> events, AttributionModel model,
        AccountSettings? settings = null, TimeRange? range = null)
    {
        var index = new HistoryIndex(events);
        settings ??= new AccountSettings();
        return Funnel.Compute(index, new Attribution(index, settings, model), settings, range ?? July, FunnelDimension.Post)
            .ToDictionary(row => row.Key, row => row.AttributedRevenue);
    }

    [Fact]
    public void A_funnel_row_counts_its_events_and_its_answered_inbound_events_by_post_platform_and_campaign()
    {
        var history = new AccountHistory();
        history.Add(Make("post", "post-1", 0, new { platform = "x", post = "p1", campaign = "spring" }));
        _ = history.Index; // the rest arrive as ingest adds them, the answer before what it answers
        foreach (var e in new[]
        {
            Make("impression", "i1", 1, new { platform = "x", post = "p1", count = 100 }),
            Make("like", "k1", 1, new { platform = "x", actor = "ann", post = "p1" }),
            Make("reply", "r1", 2.5, new { platform = "x", @ref = "c1" }),
            Make("comment", "c1", 2, new { platform = "x", actor = "ann", post = "p1" }),
            Make("comment", "c2", 2, new { platform = "x", actor = "bob", post = "p1" }),     // never answered
            Make("message", "m1", 3, new { platform = "x", actor = "cy" }),                   // on no post
            Make("reply", "r2", 3.5, new { platform = "x", @ref = "m1" }),
            Make("cost", "cost-1", 4, new { platform = "x", campaign = "spring", category = "ads", amount = 50 }), // on no post
        }) history.Add(e);

        FunnelRow Row(FunnelDimension by) =>
            Funnel.Compute(history.Index, new Attribution(history.Index, new(), AttributionModel.LastTouch), new(), July, by).Single();
        Assert.Equal(new FunnelRow("p1", 1, 100, 1, 2, 1, 0, 0, 0, null, null), Row(FunnelDimension.Post));
        Assert.Equal(new FunnelRow("x", 1, 100, 1, 3, 2, 0, 0, 0, 50, -1), Row(FunnelDimension.Platform));
        Assert.Equal(new FunnelRow("spring", 1, 100, 1, 2, 1, 0, 0, 0, 50, -1), Row(FunnelDimension.Campaign));
    }

    [Fact]
    public void Last_touch_credits_the_last_post_touched()
    {
        Assert.Equal(new Dictionary<string, decimal> { ["p1"] = 90m, ["p2"] = 0m },
            RevenueByPost(AnnBuysAfterThreeTouches(), AttributionModel.LastTouch));
    }

    [Fact]
    public void First_touch_credits_the_first_post_touched()
    {
        var revenue = RevenueByPost(AnnBuysAfterThreeTouches().Where(e => e.Id != "t1"), AttributionModel.FirstTouch);
        Assert.Equal(90m, revenue["p2"]);
        Assert.Equal(0m, revenue["p1"]);
    }

    [Fact]
    public void Linear_model_splits_credit_evenly_across_touches()
    {
        var revenue = RevenueByPost(AnnBuysAfterThreeTouches(), AttributionModel.Linear);
        Assert.Equal(60m, Math.Round(revenue["p1"], 20)); // two of three touches
        Assert.Equal(30m, Math.Round(revenue["p2"], 20));
    }

    [Fact]
    public void Position_based_gives_forty_percent_to_each_end_and_shares_twenty_among_the_middle()
    {
        var revenue = RevenueByPost(AnnBuysAfterThreeTouches(), AttributionModel.PositionBased);
        Assert.Equal(72m, revenue["p1"]); // 0.4 + 0.4
        Assert.Equal(18m, revenue["p2"]); // 0.2
    }

    [Fact]
    public void Position_based_with_two_touches_splits_in_half()
    {
        var revenue = RevenueByPost(AnnBuysAfterThreeTouches().Where(e => e.Id != "t3"), AttributionModel.PositionBased);
        Assert.Equal(45m, revenue["p1"]);
        Assert.Equal(45m, revenue["p2"]);
    }

    [Fact]
    public void Time_decay_halves_a_touchs_weight_every_half_life()
    {
        // Ages 3, 2 and 1 days before the purchase, half-life 7 days.
        double w1 = Math.Pow(2, -3 / 7.0), w2 = Math.Pow(2, -2 / 7.0), w3 = Math.Pow(2, -1 / 7.0);
        var revenue = RevenueByPost(AnnBuysAfterThreeTouches(), AttributionModel.TimeDecay);
        Assert.Equal(90 * w2 / (w1 + w2 + w3), (double)revenue["p2"], 10);
        Assert.Equal(90 * (w1 + w3) / (w1 + w2 + w3), (double)revenue["p1"], 10);

        var fasterDecay = RevenueByPost(AnnBuysAfterThreeTouches(), AttributionModel.TimeDecay, new AccountSettings { HalfLifeDays = 1 });
        Assert.Equal(90 * 0.5 / (0.25 + 0.5 + 1), (double)fasterDecay["p2"], 10);
    }

    [Theory]
    [InlineData("touch-a", "touch-b")]
    [InlineData("\uFF01", "\U0001F600")] // ids compare as UTF-8 bytes: EF BC 81 before F0 9F 98 80
    public void Touches_at_the_same_instant_are_ordered_by_id(string smallerId, string largerId)
    {
        List<EngagementEvent> events =
        [
            Make("like", largerId, 1, new { platform = "x", actor = "ann", post = "p2" }),
            Make("like", smallerId, 1, new { platform = "x", actor = "ann", post = "p1" }),
            Make("purchase", "b1", 2, new { platform = "x", actor = "ann", amount = 10 }),
        ];
        Assert.Equal(10m, RevenueByPost(events, AttributionModel.LastTouch)["p2"]);
        Assert.Equal(10m, RevenueByPost(events, AttributionModel.FirstTouch)["p1"]);
    }

    [Fact]
    public void A_touch_exactly_one_lookback_before_the_purchase_counts_and_one_tick_earlier_does_not()
    {
        var purchaseAt = Day0.AddDays(40);
        EngagementEvent Like(string id, string post, DateTimeOffset at) =>
            Make("like", id, (at - Day0).TotalDays, new { platform = "x", actor = "ann", post }) with { At = at };
        List<EngagementEvent> events =
        [
            Like("edge", "p1", purchaseAt.AddDays(-30)),
            Like("too-early", "p2", purchaseAt.AddDays(-30).AddTicks(-1)),
            Make("purchase", "b1", 40, new { platform = "x", actor = "ann", amount = 10 }),
            Make("like", "same-instant", 40, new { platform = "x", actor = "ann", post = "p3" }),
            Make("like", "after", 40.5, new { platform = "x", actor = "ann", post = "p4" }),
        ];
        var revenue = RevenueByPost(events, AttributionModel.Linear, range: new TimeRange(Day0, Day0.AddDays(60)));
        Assert.Equal(5m, revenue["p1"]);
        Assert.Equal(5m, revenue["p3"]); // at T is inside [T − lookback, T]
        Assert.Equal(0m, revenue.GetValueOrDefault("p2"));
        Assert.Equal(0m, revenue.GetValueOrDefault("p4"));

        var shortLookback = RevenueByPost(events, AttributionModel.Linear, new AccountSettings { LookbackDays = 7 }, new TimeRange(Day0, Day0.AddDays(60)));
        Assert.Equal(10m, shortLookback["p3"]);
    }

    [Fact]
    public void A_refund_takes_back_its_purchases_credits_in_the_range_of_the_refund()
    {
        var events = AnnBuysAfterThreeTouches();
        events.Add(Make("refund", "rf1", 35, new { @ref = "b1", amount = 30 }));
        var july = RevenueByPost(events, AttributionModel.PositionBased);
        var august = RevenueByPost(events, AttributionModel.PositionBased, range: new TimeRange(Day0.AddDays(31), Day0.AddDays(62)));
        Assert.Equal(72m, july["p1"]);
        Assert.Equal(-24m, august["p1"]); // 0.8 × 30
        Assert.Equal(-6m, august["p2"]);  // 0.2 × 30

        var summary = AccountSummary.Compute("acme", History(events), new AccountSettings(), new TimeRange(Day0, Day0.AddDays(62)), AttributionModel.Linear);
        Assert.Equal(60m, summary.Revenue);
        Assert.Equal(60m, summary.AttributedRevenue);
        Assert.Equal(0m, summary.DirectRevenue);
    }

    [Theory]
    [InlineData("nope")] // no event has this id
    [InlineData("l1")]   // a lead's: leads are not purchases
    public void A_refund_naming_no_purchase_counts_as_direct(string named)
    {
        List<EngagementEvent> events =
        [
            .. AnnBuysAfterThreeTouches(),
            Make("lead", "l1", 4, new { platform = "x", actor = "ann" }),
            Make("refund", "rf1", 5, new { @ref = named, amount = 30 }),
        ];
        var summary = AccountSummary.Compute("acme", History(events), new AccountSettings(), July, AttributionModel.LastTouch);
        Assert.Equal(60m, summary.Revenue);
        Assert.Equal(90m, summary.AttributedRevenue);
        Assert.Equal(-30m, summary.DirectRevenue);
    }

    [Fact]
    public void A_customer_purchase_credits_the_touches_of_members_linked_to_that_customer_even_when_linked_later()
    {
        List<EngagementEvent> events =
        [
            Make("like", "t1", 1, new { platform = "x", actor = "bob", post = "p1" }),
            Make("purchase", "b1", 2, new { customer = "c-7", amount = 50 }),
        ];
        Assert.Equal(0m, RevenueByPost(events, AttributionModel.LastTouch).GetValueOrDefault("p1"));
        Assert.Equal(50m, AccountSummary.Compute("acme", History(events), new(), July, AttributionModel.LastTouch).DirectRevenue);

        events.Add(Make("identify", "id1", 20, new { platform = "x", actor = "bob", customer = "c-7" })); // arrives late
        Assert.Equal(50m, RevenueByPost(events, AttributionModel.LastTouch)["p1"]);
        Assert.Equal(50m, AccountSummary.Compute("acme", History(events), new(), July, AttributionModel.LastTouch).AttributedRevenue);
    }

    [Fact]
    public void A_touch_on_a_post_without_a_post_event_counts_under_the_touchs_platform_and_no_campaign()
    {
        List<EngagementEvent> events =
        [
            Make("click", "t1", 1, new { platform = "tiktok", actor = "ann", post = "unlogged" }),
            Make("purchase", "b1", 2, new { platform = "tiktok", actor = "ann", amount = 10 }),
        ];
        var index = new HistoryIndex(events);
        var attribution = new Attribution(index, new AccountSettings(), AttributionModel.LastTouch);
        Assert.Equal("tiktok", Funnel.Compute(index, attribution, new(), July, FunnelDimension.Platform).Single().Key);
        Assert.Empty(Funnel.Compute(index, attribution, new(), July, FunnelDimension.Campaign));
    }

    [Fact]
    public void Leads_and_conversions_are_fractional_credits_and_refunds_change_neither()
    {
        List<EngagementEvent> events =
        [
            .. AnnBuysAfterThreeTouches(),
            Make("lead", "l1", 3.5, new { platform = "x", actor = "ann" }),
            Make("refund", "rf1", 5, new { @ref = "b1", amount = 90 }),
        ];
        var index = new HistoryIndex(events);
        var row = Funnel.Compute(index, new Attribution(index, new(), AttributionModel.PositionBased), new(), July, FunnelDimension.Post)
            .Single(r => r.Key == "p2");
        Assert.Equal(0.2m, row.AttributedConversions);
        Assert.Equal(0.2m, row.AttributedLeads);
        Assert.Equal(0m, row.AttributedRevenue); // bought and fully refunded in the same range
    }

    private static AccountHistory History(IEnumerable<EngagementEvent> events)
    {
        var history = new AccountHistory();
        foreach (var e in events) history.Add(e);
        return history;
    }

    [Fact]
    public void Credits_follow_events_that_arrive_after_a_query_has_attributed_the_purchase()
    {
        var settings = new AccountSettings();
        var history = new AccountHistory();
        foreach (var e in AnnBuysAfterThreeTouches().Where(e => e.Id != "t3")) history.Add(e);
        history.Add(Make("purchase", "b2", 4, new { customer = "c-9", amount = 50 }));
        Dictionary<string, decimal> RevenueByPostNow() => Funnel.Compute(history.Index,
                new Attribution(history.Index, settings, AttributionModel.LastTouch), settings, July, FunnelDimension.Post)
            .ToDictionary(row => row.Key, row => row.AttributedRevenue);
        Assert.Equal(new Dictionary<string, decimal> { ["p1"] = 0m, ["p2"] = 90m }, RevenueByPostNow()); // b2 is direct: no member yet

        history.Add(Make("click", "t3", 3, new { platform = "x", actor = "ann", post = "p1" })); // a later touch of Ann's
        history.Add(Make("identify", "i1", 5, new { platform = "x", actor = "ann", customer = "c-9" })); // b2's buyer is Ann
        Assert.Equal(new Dictionary<string, decimal> { ["p1"] = 140m, ["p2"] = 0m }, RevenueByPostNow());

        history.Add(Make("post", "post-0", -1, new { platform = "linkedin", post = "p1", campaign = "autumn" })); // p1 defined earlier
        var byCampaign = Funnel.Compute(history.Index, new Attribution(history.Index, settings, AttributionModel.LastTouch), settings, July, FunnelDimension.Campaign)
            .ToDictionary(row => row.Key, row => row.AttributedRevenue);
        Assert.Equal(140m, byCampaign["autumn"]);
    }
}
