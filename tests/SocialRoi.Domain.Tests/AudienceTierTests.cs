using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using static SocialRoi.Domain.Tests.Ev;

namespace SocialRoi.Domain.Tests;

/// <summary>SPEC §2: one tier per member, judged from its events before the reference instant.</summary>
public class AudienceTierTests
{
    private static readonly Member Ann = new("x", "ann");
    private static readonly Member Bob = new("x", "bob");

    private static HistoryIndex Index(params EngagementEvent[] events) => new(events);

    private static AudienceTier TierOf(Member member, double asOfDay, params EngagementEvent[] events) =>
        AudienceTiers.TierAt(Index(events), member, Day0.AddDays(asOfDay));

    [Theory]
    [InlineData(0)] // each event indexed as it arrives
    [InlineData(3_000)] // all indexed at once, as an activation does
    [InlineData(1_001)] // an activation, then members met after it sized its arrays to the members it knew
    public void Each_of_thousands_of_members_keeps_its_own_events_and_tier(int indexedAtOnce)
    {
        // The same actor names on two platforms: 3,000 members, each a different pair.
        var events = Enumerable.Range(0, 1_500).SelectMany(i => new[]
        {
            Make("like", $"x{i}", 1, new { platform = "x", actor = $"a{i}" }),
            Make(i % 2 == 0 ? "click" : "like", $"y{i}", 2, new { platform = "y", actor = $"a{i}" }),
        }).ToArray();
        var history = new AccountHistory();
        foreach (var e in events.Take(indexedAtOnce)) history.Add(e);
        _ = history.Index; // built here: each later event is indexed as it arrives
        foreach (var e in events.Skip(indexedAtOnce)) history.Add(e);
        var index = history.Index;

        Assert.Equal(3_000, index.Members.Count());
        Assert.Equal(new AudienceCounts(3_000, 2_250, 750, 0, 0, 0), AudienceTiers.Count(index, new(Day0, Day0.AddDays(3))));
        foreach (var i in new[] { 0, 1, 777, 1_499 })
        {
            Assert.Equal([$"x{i}"], index.EventsOf(new Member("x", $"a{i}")).ToArray().Select(e => e.Id));
            Assert.Equal([$"y{i}"], index.EventsOf(new Member("y", $"a{i}")).ToArray().Select(e => e.Id));
            Assert.Equal(i % 2 == 0 ? AudienceTier.Engaged : AudienceTier.Vanity, AudienceTiers.TierAt(index, new Member("y", $"a{i}"), Day0.AddDays(3)));
        }
    }

    [Fact]
    public void Only_likes_and_follows_make_a_vanity_member()
    {
        Assert.Equal(AudienceTier.Vanity, TierOf(Ann, 10,
            Make("like", "k1", 1, new { platform = "x", actor = "ann" }),
            Make("follow", "f1", 2, new { platform = "x", actor = "ann" })));
    }

    [Fact]
    public void A_click_makes_an_engaged_member()
    {
        Assert.Equal(AudienceTier.Engaged, TierOf(Ann, 10, Make("click", "c1", 1, new { platform = "x", actor = "ann" })));
    }

    [Fact]
    public void An_answered_comment_makes_a_conversational_member_once_the_reply_has_happened()
    {
        var comment = Make("comment", "m1", 1, new { platform = "x", actor = "ann" });
        var reply = Make("reply", "r1", 3, new { platform = "x", @ref = "m1" });
        Assert.Equal(AudienceTier.Engaged, TierOf(Ann, 3, comment, reply)); // the reply is not before day 3
        Assert.Equal(AudienceTier.Conversational, TierOf(Ann, 3.001, comment, reply));
    }

    [Fact]
    public void A_reply_ingested_before_the_comment_it_answers_makes_the_writer_conversational_once_the_comment_comes()
    {
        var history = new AccountHistory();
        history.Add(Make("like", "k1", 0, new { platform = "x", actor = "ann" }));
        _ = history.Index; // built: from here on every event is added in place, as ingest does
        history.Add(Make("reply", "r1", 3, new { platform = "x", @ref = "m1" }));
        Assert.Equal(AudienceTier.Vanity, AudienceTiers.TierAt(history.Index, Ann, Day0.AddDays(10)));
        history.Add(Make("comment", "m1", 1, new { platform = "x", actor = "ann" }));
        Assert.Equal(AudienceTier.Engaged, AudienceTiers.TierAt(history.Index, Ann, Day0.AddDays(3)));
        Assert.Equal(AudienceTier.Conversational, AudienceTiers.TierAt(history.Index, Ann, Day0.AddDays(3.001)));
    }

    [Fact]
    public void A_reply_earlier_than_the_message_does_not_answer_it()
    {
        Assert.Equal(AudienceTier.Engaged, TierOf(Ann, 10,
            Make("message", "m1", 2, new { platform = "x", actor = "ann" }),
            Make("reply", "r1", 1, new { platform = "x", @ref = "m1" })));
    }

    [Fact]
    public void A_lead_outranks_conversation_and_a_purchase_outranks_a_lead()
    {
        var lead = Make("lead", "l1", 1, new { platform = "x", actor = "ann" });
        var purchase = Make("purchase", "b1", 2, new { platform = "x", actor = "ann", amount = 5 });
        Assert.Equal(AudienceTier.Lead, TierOf(Ann, 10, lead));
        Assert.Equal(AudienceTier.Customer, TierOf(Ann, 10, lead, purchase));
        Assert.Equal(AudienceTier.Lead, TierOf(Ann, 2, lead, purchase)); // the purchase is not before day 2
    }

    [Fact]
    public void An_identify_links_a_member_to_a_customers_purchases_whenever_it_happened()
    {
        var purchase = Make("purchase", "b1", 1, new { customer = "c-9", amount = 5 });
        var like = Make("like", "k1", 1, new { platform = "x", actor = "bob" });
        var identify = Make("identify", "d1", 50, new { platform = "x", actor = "bob", customer = "c-9" });
        Assert.Equal(AudienceTier.Customer, TierOf(Bob, 10, purchase, like, identify));
    }

    [Fact]
    public void A_purchase_carrying_actor_and_customer_links_nothing_by_itself()
    {
        var lead = Make("lead", "l1", 1, new { platform = "x", actor = "ann", customer = "c-9" });
        var purchase = Make("purchase", "b1", 2, new { customer = "c-9", amount = 5 });
        Assert.Equal(AudienceTier.Lead, TierOf(Ann, 10, lead, purchase));
    }

    [Fact]
    public void Following_is_the_latest_follow_or_unfollow_before_the_instant()
    {
        var events = new[]
        {
            Make("follow", "f1", 1, new { platform = "x", actor = "ann" }),
            Make("unfollow", "u1", 2, new { platform = "x", actor = "ann" }),
            Make("follow", "f2", 3, new { platform = "x", actor = "ann" }),
        };
        Assert.True(AudienceTiers.IsFollowing(Index(events), Ann, Day0.AddDays(1.5)));
        Assert.False(AudienceTiers.IsFollowing(Index(events), Ann, Day0.AddDays(2.5)));
        Assert.False(AudienceTiers.IsFollowing(Index(events), Ann, Day0.AddDays(3))); // at == t is not before t
        Assert.True(AudienceTiers.IsFollowing(Index(events), Ann, Day0.AddDays(3.5)));
    }

    [Theory]
    [InlineData("a-follow", "b-unfollow", false)]
    [InlineData("b-follow", "a-unfollow", true)]
    [InlineData("\uFF01", "\U0001F600", false)] // ids compare as UTF-8 bytes: EF BC 81 before F0 9F 98 80
    [InlineData("\U0001F600", "\uFF01", true)]
    public void At_the_same_instant_the_larger_id_wins(string followId, string unfollowId, bool following)
    {
        var index = Index(
            Make("follow", followId, 1, new { platform = "x", actor = "ann" }),
            Make("unfollow", unfollowId, 1, new { platform = "x", actor = "ann" }));
        Assert.Equal(following, AudienceTiers.IsFollowing(index, Ann, Day0.AddDays(2)));
        Assert.Equal(following ? 1 : 0, AudienceTiers.Followers(index, Day0.AddDays(2)));
    }

    [Fact]
    public void A_range_counts_members_active_in_it_classified_as_of_its_end()
    {
        var index = Index(
            Make("comment", "m1", 1, new { platform = "x", actor = "ann" }), // before the range, still counts for her tier
            Make("like", "k1", 15, new { platform = "x", actor = "ann" }),
            Make("like", "k2", 40, new { platform = "x", actor = "bob" }),   // after the range: bob is not counted
            Make("follow", "f1", 12, new { platform = "tiktok", actor = "cy" }));
        var counts = AudienceTiers.Count(index, new Time.TimeRange(Day0.AddDays(10), Day0.AddDays(30)));
        Assert.Equal(new AudienceCounts(Total: 2, Vanity: 1, Engaged: 1, Conversational: 0, Lead: 0, Customer: 0), counts);
        Assert.Equal(0.5, counts.VanityShare());
    }

    [Fact]
    public void A_member_active_before_and_after_a_range_but_not_in_it_is_not_counted_however_the_events_arrived()
    {
        var history = new AccountHistory();
        history.Add(Make("like", "k1", 1, new { platform = "x", actor = "ann" }));
        _ = history.Index; // from here on each event is added in place
        foreach (var (id, day) in new[] { ("k5", 50.0), ("k3", 8), ("k4", 31), ("k2", 5), ("k6", 30) }) // k6: at the range's end, not in it
            history.Add(Make("like", id, day, new { platform = "x", actor = "ann" }));
        history.Add(Make("like", "b1", 20, new { platform = "x", actor = "bob" }));
        history.Add(Make("like", "b2", 60, new { platform = "x", actor = "bob" }));
        history.Add(Make("like", "b3", 1, new { platform = "x", actor = "bob" })); // bob: before, in and after the range

        var range = new Time.TimeRange(Day0.AddDays(10), Day0.AddDays(30));
        Assert.Equal(1, AudienceTiers.Count(history.Index, range).Total);
        Assert.Equal([Bob], AudienceTiers.ActiveMembers(history.Index, range));
    }

    [Fact]
    public void A_range_that_cuts_a_day_counts_only_the_members_active_in_its_part_of_that_day()
    {
        var history = new AccountHistory();
        history.Add(Make("like", "a0", 1, new { platform = "x", actor = "ann" }));
        _ = history.Index;
        var liked = new[]
        {
            ("a1", 10.25, "ann"), ("a2", 30.375, "ann"), // the morning of the first day, the afternoon of the last: outside
            ("b1", 10.75, "bob"),                        // the evening of the first day: inside
            ("c1", 30.125, "cy"),                        // the night of the last day: inside
            ("d2", 10.6, "dee"), ("d1", 10.25, "dee"),   // outside and inside on one day, the inside one first
        };
        foreach (var (id, day, actor) in liked) history.Add(Make("like", id, day, new { platform = "x", actor }));

        var range = new Time.TimeRange(Day0.AddDays(10.5), Day0.AddDays(30.25));
        Assert.Equal(3, AudienceTiers.Count(history.Index, range).Total);
        var morning = new Time.TimeRange(Day0.AddDays(10.2), Day0.AddDays(10.3)); // within one day
        Assert.Equal(2, AudienceTiers.Count(history.Index, morning).Total); // ann and dee
    }
}
