using System.Text.Json;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Tests;

/// <summary>
/// An event keeps its fields in a compact layout (most events carry no money, reference or
/// flags); it must still behave as a plain immutable record of nullable fields.
/// </summary>
public class EngagementEventTests
{
    [Fact]
    public void A_copy_made_with_with_changes_only_the_copy()
    {
        var purchase = Ev.Make("purchase", "b1", 1, new { platform = "x", actor = "ann", customer = "cust-1", amount = 12.5m });
        var click = Ev.Make("click", "k1", 1, new { platform = "x", actor = "ann", owned = false });
        var impression = Ev.Make("impression", "i1", 1, new { platform = "x", post = "p1", count = 7 });

        var otherCustomer = purchase with { Customer = "cust-2", Amount = 3m };
        var owned = click with { Owned = true };
        var moreSeen = impression with { Count = 8 };

        Assert.Equal(("cust-1", 12.5m), (purchase.Customer, purchase.Amount));
        Assert.Equal(("cust-2", 3m), (otherCustomer.Customer, otherCustomer.Amount));
        Assert.Equal((false, true), (click.Owned, owned.Owned));
        Assert.Equal((7L, 8L), (impression.Count, moreSeen.Count));
    }

    [Fact]
    public void Fields_cleared_by_with_leave_an_event_equal_to_one_that_never_had_them()
    {
        var like = Ev.Make("like", "l1", 1, new { platform = "x", actor = "ann", post = "p1" });
        var message = Ev.Make("message", "m1", 1, new { platform = "x", actor = "ann" });

        var likeClearedAgain = like with { Amount = 1m, Sentiment = 0.5, Automated = true, Campaign = "spring" }
            with { Amount = null, Sentiment = null, Automated = null, Campaign = null };
        var messageClearedAgain = message with { Customer = "cust-1", Count = 3 } with { Customer = null, Count = null };

        Assert.Equal(like, likeClearedAgain);
        Assert.Equal(like.GetHashCode(), likeClearedAgain.GetHashCode());
        Assert.Equal(message, messageClearedAgain);
        Assert.Equal(message.GetHashCode(), messageClearedAgain.GetHashCode());
        Assert.NotEqual(like, like with { Sentiment = 0 });
        Assert.NotEqual(like, like with { Automated = false });
    }

    [Fact]
    public void Post_ref_and_customer_read_back_apart_though_no_event_carries_two_of_them()
    {
        var touch = Ev.Make("comment", "c1", 1, new { platform = "x", actor = "ann", post = "p1", sentiment = -0.5 });
        var reply = Ev.Make("reply", "r1", 1, new { platform = "x", @ref = "c1" });
        var lead = Ev.Make("lead", "l1", 1, new { customer = "cust-1" });
        var impression = Ev.Make("impression", "i1", 1, new { platform = "x", post = "p1", count = 7 });

        Assert.Equal(("p1", null, null, -0.5, null), (touch.Post, touch.Ref, touch.Customer, touch.Sentiment, touch.Count));
        Assert.Equal((null, "c1", null), (reply.Post, reply.Ref, reply.Customer));
        Assert.Equal((null, null, "cust-1"), (lead.Post, lead.Ref, lead.Customer));
        Assert.Equal((7L, null), (impression.Count, impression.Sentiment));
        // Clearing a field the event does not carry leaves the one it does.
        Assert.Equal("p1", (touch with { Ref = null, Customer = null, Count = null }).Post);
        Assert.Equal(-0.5, (touch with { Ref = null, Customer = null, Count = null }).Sentiment);
    }

    [Fact]
    public void A_post_ref_or_customer_stays_with_the_event_as_its_money_fields_come_and_go()
    {
        // An event with money, campaign or content fields keeps its post, ref or customer beside them.
        var lead = Ev.Make("lead", "l1", 1, new { customer = "cust-1" });
        var post = Ev.Make("post", "p1", 1, new { platform = "x", post = "p1", campaign = "spring", contentHash = "abc" });

        var leadWithMoney = lead with { Amount = 40m, Campaign = "spring" };
        var otherCustomer = leadWithMoney with { Customer = "cust-2" };
        var postWithoutCampaign = post with { Campaign = null, ContentHash = null };

        Assert.Equal(("cust-1", 40m, "spring"), (leadWithMoney.Customer, leadWithMoney.Amount, leadWithMoney.Campaign));
        Assert.Equal(("cust-1", null), (lead.Customer, lead.Amount));
        Assert.Equal(("cust-2", "cust-1"), (otherCustomer.Customer, leadWithMoney.Customer));
        Assert.Equal(("p1", "spring", "p1", null), (post.Post, post.Campaign, postWithoutCampaign.Post, postWithoutCampaign.Campaign));
        Assert.Equal(lead, leadWithMoney with { Amount = null, Campaign = null });
        Assert.Equal(lead.GetHashCode(), (leadWithMoney with { Amount = null, Campaign = null }).GetHashCode());
        Assert.Equal(post, postWithoutCampaign with { Campaign = "spring", ContentHash = "abc" });
        Assert.NotEqual(leadWithMoney, otherCustomer);
    }

    [Fact]
    public void Account_and_platform_read_back_apart_whichever_is_set_first()
    {
        // The two are held as one pair when the event has a platform.
        var like = Ev.Make("like", "l1", 1, new { platform = "x", actor = "ann" });
        var lead = Ev.Make("lead", "d1", 1, new { customer = "cust-1" });
        var platformFirst = new EngagementEvent { Id = "l1", Platform = "x", Account = "acme", Type = EventType.Like, At = like.At, Actor = "ann" };

        var elsewhere = like with { Platform = "y" };
        var otherAccount = like with { Account = "globex" };
        var leadOnPlatform = lead with { Platform = "x" };

        Assert.Equal(("acme", "x"), (platformFirst.Account, platformFirst.Platform));
        Assert.Equal(like, platformFirst);
        Assert.Equal(like.GetHashCode(), platformFirst.GetHashCode());
        Assert.Equal(("acme", "y", "acme", "x"), (elsewhere.Account, elsewhere.Platform, like.Account, like.Platform));
        Assert.Equal(("globex", "x"), (otherAccount.Account, otherAccount.Platform));
        Assert.Equal(("acme", "x", null), (leadOnPlatform.Account, leadOnPlatform.Platform, lead.Platform));
        Assert.Equal(lead, leadOnPlatform with { Platform = null });
        Assert.NotEqual(like, elsewhere);
        Assert.NotEqual(like, otherAccount);
    }

    [Fact]
    public void Giving_an_event_two_fields_no_type_carries_together_is_refused()
    {
        var touch = Ev.Make("comment", "c1", 1, new { platform = "x", actor = "ann", post = "p1", sentiment = 0.5 });

        var both = Assert.Throws<InvalidOperationException>(() => touch with { Customer = "cust-1" });
        Assert.Contains("post, ref and customer", both.Message);
        Assert.Contains("count and sentiment", Assert.Throws<InvalidOperationException>(() => touch with { Count = 2 }).Message);
        Assert.Equal(("p1", 0.5), (touch.Post, touch.Sentiment));
    }

    [Fact]
    public void A_sentiment_of_minus_zero_is_kept_as_written()
    {
        // Its stored body writes -0, so resending the same event stays a duplicate of it.
        var neutral = Ev.Make("comment", "c1", 1, new { platform = "x", actor = "ann", sentiment = -0.0 });

        var body = EventJson.Write(neutral);

        Assert.True(double.IsNegative(neutral.Sentiment!.Value));
        Assert.Contains("\"sentiment\":-0", body);
        Assert.True(double.IsNegative(EventJson.Read(body).Sentiment!.Value));
    }

    [Fact]
    public void Every_instant_reads_back_in_utc()
    {
        var at = new DateTimeOffset(2026, 7, 1, 11, 30, 0, TimeSpan.FromHours(2));

        var like = Ev.Make("like", "l1", 1, new { platform = "x", actor = "ann" }) with { At = at };

        Assert.Equal(at, like.At);
        Assert.Equal(TimeSpan.Zero, like.At.Offset);
    }

    [Theory]
    [MemberData(nameof(StoredEventReadingTests.AcceptedEvents), MemberType = typeof(StoredEventReadingTests))]
    public void Every_field_crosses_between_silos_as_json(string what, JsonObject json)
    {
        // Between silos, domain records travel as System.Text.Json (Grains.Interfaces' DomainRecords).
        var accepted = Ev.Read(json);

        var received = JsonSerializer.Deserialize<EngagementEvent>(JsonSerializer.Serialize(accepted));

        Assert.NotEmpty(what);
        Assert.Equal(accepted, received);
    }
}
