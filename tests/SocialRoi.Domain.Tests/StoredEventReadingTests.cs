using System.Text;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Tests;

/// <summary>
/// Reading the log back (an account's activation): canonical JSON is read directly, anything else
/// through every rule again; either way the event is the one that was accepted.
/// </summary>
public class StoredEventReadingTests
{
    public static TheoryData<string, JsonObject> AcceptedEvents() => new()
    {
        { "post, every field", Ev.Json("post", "p1", 1, new { platform = "x", post = "launch", campaign = "spring", promotional = true, contentHash = "h1" }) },
        { "post, defaults left out", Ev.Json("post", "p2", 1, new { platform = "x", post = "launch" }) },
        { "impression, default count", Ev.Json("impression", "i1", 1, new { platform = "x", post = "launch" }) },
        { "impression, count", Ev.Json("impression", "i2", 1, new { platform = "x", post = "launch", count = 9_000_000_000L }) },
        { "like", Ev.Json("like", "l1", 1, new { platform = "x", actor = "ann", post = "launch" }) },
        { "follow", Ev.Json("follow", "f1", 1, new { platform = "x", actor = "ann" }) },
        { "unfollow", Ev.Json("unfollow", "u1", 1, new { platform = "x", actor = "ann" }) },
        { "comment, escapes and emoji", Ev.Json("comment", "c1", 1, new { platform = "x", actor = "\"ann\"\n\\ 🎉 é", post = "launch", sentiment = -0.125 }) },
        { "share", Ev.Json("share", "s1", 1, new { platform = "x", actor = "ann", post = "launch" }) },
        { "click, not owned", Ev.Json("click", "k1", 1, new { platform = "x", actor = "ann", post = "launch", owned = false }) },
        { "mention", Ev.Json("mention", "m1", 1, new { platform = "x", actor = "ann", sentiment = 1.0 }) },
        { "message", Ev.Json("message", "d1", 1, new { platform = "x", actor = "ann" }) },
        { "reply, automated", Ev.Json("reply", "r1", 1, new { platform = "x", @ref = "c1", automated = true, sentiment = 0.5 }) },
        { "lead by customer", Ev.Json("lead", "n1", 1, new { customer = "cust-1" }) },
        { "purchase, trailing zeros", Ev.Json("purchase", "b1", 1, new { platform = "x", actor = "ann", customer = "cust-1", amount = 12.500m, currency = "EUR" }) },
        { "purchase, largest amount", Ev.Json("purchase", "b2", 1, new { customer = "cust-1", amount = 1_000_000_000_000_000m }) },
        { "refund", Ev.Json("refund", "f9", 1, new { @ref = "b1", amount = 0.01m }) },
        { "cost, default category", Ev.Json("cost", "x1", 1, new { amount = 100m }) },
        { "cost, every field", Ev.Json("cost", "x2", 1, new { amount = 100m, platform = "x", campaign = "spring", category = "ads", currency = "EUR" }) },
        { "identify", Ev.Json("identify", "y1", 1, new { platform = "x", actor = "ann", customer = "cust-1" }) },
        { "a handle longer than the copy buffer", Ev.Json("follow", "f2", 1, new { platform = "x", actor = new string('é', 256) }) },
        { "a fraction of a second", Ev.Json("follow", "f3", 1.123456789, new { platform = "x", actor = "ann" }) },
    };

    [Theory]
    [MemberData(nameof(AcceptedEvents))]
    public void A_stored_event_reads_back_as_accepted(string what, JsonObject json)
    {
        var accepted = Ev.Read(json);
        Assert.NotEmpty(what);
        Assert.Equal(accepted, EventJson.Read(EventJson.Write(accepted)));
        Assert.Equal(accepted, EventJson.Read(Encoding.UTF8.GetBytes(EventJson.Write(accepted)), new NamePool()));
    }

    [Theory]
    [MemberData(nameof(AcceptedEvents))]
    public void Stored_json_in_another_form_is_read_by_the_rules(string what, JsonObject json)
    {
        // Fields in reverse order, as another writer might have stored them: not the canonical form.
        var reversed = new JsonObject(json.Reverse().Select(field => KeyValuePair.Create(field.Key, field.Value?.DeepClone())));
        Assert.NotEmpty(what);
        Assert.Equal(Ev.Read(json), EventJson.Read(reversed.ToJsonString()));
    }

    [Theory]
    [InlineData("""{"id":"b1","account":"acme","type":"purchase","at":"2026-07-01T09:30:00Z","customer":"c"}""", "amount is required for type \"purchase\"")]
    [InlineData("""{"id":"l1","account":"acme","type":"like","at":"2026-07-01T09:30:00Z","platform":"x","actor":"ann","amount":5}""", "field \"amount\" is not used by type \"like\"")]
    [InlineData("""{"id":"l1","account":"acme","type":"like","at":"2026-07-01T09:30:00Z","platform":"x","actor":"ann","colour":"red"}""", "unknown field \"colour\"")]
    [InlineData("""{"id":"l1","account":"acme","type":"like","at":"2026-07-01T09:30:00Z","platform":"x","actor":7}""", "actor must be a string")]
    [InlineData("""{"id":"l1","account":"acme","type":"like","at":"yesterday","platform":"x","actor":"ann"}""", "at must be an RFC 3339 timestamp")]
    public void A_stored_event_that_breaks_a_rule_says_which(string stored, string rule)
    {
        var error = Assert.Throws<InvalidDataException>(() => EventJson.Read(stored));
        Assert.Contains(rule, error.Message);
    }

    [Fact]
    public void Events_read_with_one_pool_share_their_names()
    {
        var names = new NamePool();
        EngagementEvent Stored(EngagementEvent e) => EventJson.Read(Encoding.UTF8.GetBytes(EventJson.Write(e)), names);
        var first = Stored(Ev.Make("like", "l1", 1, new { platform = "instagram", actor = "ann", post = "launch" }));
        var second = Stored(Ev.Make("share", "s1", 2, new { platform = "instagram", actor = "ann", post = "launch" }));
        Assert.Same(first.Account, second.Account);
        Assert.Same(first.Platform, second.Platform);
        Assert.Same(first.Actor, second.Actor);
        Assert.Same(first.Post, second.Post);
    }

    [Fact]
    public void Stored_json_with_a_field_written_twice_is_read_by_the_rules()
    {
        var canonical = EventJson.Write(Ev.Make("follow", "f1", 1, new { platform = "x", actor = "ann" }));
        var twice = canonical.Replace("\"actor\":\"ann\"", "\"actor\":\"ann\",\"actor\":\"bob\"");
        Assert.NotEqual(canonical, twice);
        var error = Assert.Throws<InvalidDataException>(() => EventJson.Read(twice));
        Assert.Contains("actor", error.Message);
    }

    [Fact]
    public void A_history_read_from_the_log_gives_a_later_event_the_names_it_read()
    {
        var names = new NamePool();
        var logged = EventJson.Read(Encoding.UTF8.GetBytes(EventJson.Write(Ev.Make("like", "l1", 1, new { platform = "instagram", actor = "ann", post = "launch" }))), names);
        var history = AccountHistory.FromLog([logged], names);
        // Names made afresh, as a request's parser makes them.
        history.Add(Ev.Make("share", "s1", 2, new { platform = new string("instagram"), actor = new string("ann"), post = new string("launch") }));
        var later = Assert.Single(history.Index.EventsOf(new Member("instagram", "ann")).ToArray(), e => e.Id == "s1");
        Assert.Equal(2, history.Count);
        Assert.Same(logged.Platform, later.Platform);
        Assert.Same(logged.Actor, later.Actor);
        Assert.Same(logged.Post, later.Post);
    }
}
