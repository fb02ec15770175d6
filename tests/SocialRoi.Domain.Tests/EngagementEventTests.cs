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

        var clearedAgain = like with { Customer = "cust-1", Amount = 1m, Sentiment = 0.5, Automated = true, Count = 3 }
            with { Customer = null, Amount = null, Sentiment = null, Automated = null, Count = null };

        Assert.Equal(like, clearedAgain);
        Assert.Equal(like.GetHashCode(), clearedAgain.GetHashCode());
        Assert.NotEqual(like, like with { Sentiment = 0 });
        Assert.NotEqual(like, like with { Automated = false });
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
