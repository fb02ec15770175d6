using System.Text.Json;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Tests;

/// <summary>SPEC §1: one failing event per rule; the error names the field and says what to fix.</summary>
public class EventValidationTests
{
    private static JsonObject Follow() => Ev.Json("follow", "f1", 1, new { platform = "x", actor = "ann" });
    private static JsonObject Purchase() => Ev.Json("purchase", "b1", 1, new { platform = "x", actor = "ann", amount = 10m });

    private static JsonObject With(JsonObject json, string field, JsonNode? value)
    {
        json[field] = value;
        return json;
    }

    private static JsonObject Without(JsonObject json, string field)
    {
        json.Remove(field);
        return json;
    }

    public static TheoryData<string, JsonObject, string> BrokenEvents() => new()
    {
        { "id missing", Without(Follow(), "id"), "id is required" },
        { "id empty", With(Follow(), "id", ""), "id must be 1–128 characters" },
        { "id too long", With(Follow(), "id", new string('i', 129)), "id must be 1–128 characters" },
        { "id not a string", With(Follow(), "id", 7), "id must be a string" },
        { "account missing", Without(Follow(), "account"), "account is required" },
        { "account upper case", With(Follow(), "account", "Acme"), "account must be a lower-case name" },
        { "account starts with a dot", With(Follow(), "account", ".acme"), "account must be a lower-case name" },
        { "account too long", With(Follow(), "account", new string('a', 65)), "account must be a lower-case name" },
        { "type missing", Without(Follow(), "type"), "type is required" },
        { "type unknown", With(Follow(), "type", "retweet"), "type must be one of" },
        { "at missing", Without(Follow(), "at"), "at is required" },
        { "at without offset", With(Follow(), "at", "2026-07-01T09:30:00"), "at must be an RFC 3339 timestamp" },
        { "at not a date", With(Follow(), "at", "2026-02-30T09:30:00Z"), "at must be an RFC 3339 timestamp" },
        { "at before 2000", With(Follow(), "at", "1999-12-31T23:59:59Z"), "at must not be before 2000-01-01" },
        { "at over 24 h ahead", With(Follow(), "at", "2026-11-02T00:00:01Z"), "at must not be more than 24 h in the future" },
        { "platform upper case", With(Follow(), "platform", "Instagram"), "platform must be lower-case" },
        { "platform too long", With(Follow(), "platform", new string('p', 33)), "platform must be lower-case" },
        { "actor empty", With(Follow(), "actor", ""), "actor must be 1–256 characters" },
        { "actor too long", With(Follow(), "actor", new string('a', 257)), "actor must be 1–256 characters" },
        { "customer too long", Ev.Json("lead", "l1", 1, new { customer = new string('c', 257) }), "customer must be 1–256 characters" },
        { "post too long", Ev.Json("post", "p1", 1, new { platform = "x", post = new string('p', 257) }), "post must be 1–256 characters" },
        { "ref too long", Ev.Json("reply", "r1", 1, new { platform = "x", @ref = new string('r', 129) }), "ref must be 1–128 characters" },
        { "count zero", Ev.Json("impression", "i1", 1, new { platform = "x", post = "p1", count = 0 }), "count must be ≥ 1" },
        { "count fractional", Ev.Json("impression", "i1", 1, new { platform = "x", post = "p1", count = 1.5 }), "count must be a whole number" },
        { "count over 10^12", Ev.Json("impression", "i1", 1, new { platform = "x", post = "p1", count = 1_000_000_000_001L }), "count must be a whole number from 1 to 1000000000000 (10^12), got 1000000000001" },
        { "count past 64 bits", Ev.Json("impression", "i1", 1, new { platform = "x", post = "p1", count = 1e20 }), "count must be a whole number from 1 to 1000000000000 (10^12), got 1E+20" },
        { "count on a like", Ev.Json("like", "k1", 1, new { platform = "x", actor = "ann", count = 2 }), "field \"count\" is not used by type \"like\"" },
        { "amount negative", With(Purchase(), "amount", -3.5m), "amount must be ≥ 0, got -3.5" },
        { "amount as text", With(Purchase(), "amount", "10"), "amount must be a number" },
        { "amount over 10^15", With(Purchase(), "amount", 1_000_000_000_000_000.01m), "amount must be 0 or a number from 0.000001 to 1000000000000000 (10^15), got 1000000000000000.01" },
        { "amount past decimal's range", With(Purchase(), "amount", 1e30), "amount must be 0 or a number from 0.000001 to 1000000000000000 (10^15), got 1E+30" },
        { "amount under a millionth", Ev.Json("cost", "c1", 1, new { amount = 0.0000009m }), "amount must be 0 or a number from 0.000001 to 1000000000000000 (10^15), got 0.0000009" },
        { "amount missing on purchase", Without(Purchase(), "amount"), "amount is required for type \"purchase\"" },
        { "amount missing on cost", Ev.Json("cost", "c1", 1), "amount is required for type \"cost\"" },
        { "currency lower case", With(Purchase(), "currency", "usd"), "currency must be an ISO 4217 code" },
        { "currency on a follow", With(Follow(), "currency", "USD"), "field \"currency\" is not used by type \"follow\"" },
        { "campaign too long", Ev.Json("cost", "c1", 1, new { amount = 1, campaign = new string('c', 129) }), "campaign must be 1–128 characters" },
        { "campaign on a like", Ev.Json("like", "k1", 1, new { platform = "x", actor = "ann", campaign = "spring" }), "field \"campaign\" is not used by type \"like\"" },
        { "category unknown", Ev.Json("cost", "c1", 1, new { amount = 1, category = "coffee" }), "category must be one of ads, staff, tools, agency, content, other" },
        { "category on a purchase", With(Purchase(), "category", "ads"), "field \"category\" is not used by type \"purchase\"" },
        { "promotional not a flag", Ev.Json("post", "p1", 1, new { platform = "x", post = "p1", promotional = "yes" }), "promotional must be true or false" },
        { "promotional on a comment", Ev.Json("comment", "m1", 1, new { platform = "x", actor = "ann", promotional = true }), "field \"promotional\" is not used by type \"comment\"" },
        { "automated on a comment", Ev.Json("comment", "m1", 1, new { platform = "x", actor = "ann", automated = true }), "field \"automated\" is not used by type \"comment\"" },
        { "contentHash too long", Ev.Json("post", "p1", 1, new { platform = "x", post = "p1", contentHash = new string('h', 129) }), "contentHash must be 1–128 characters" },
        { "sentiment above 1", Ev.Json("comment", "m1", 1, new { platform = "x", actor = "ann", sentiment = 1.5 }), "sentiment must be between -1 and 1" },
        { "sentiment on a like", Ev.Json("like", "k1", 1, new { platform = "x", actor = "ann", sentiment = 0.5 }), "field \"sentiment\" is not used by type \"like\"" },
        { "owned not a flag", Ev.Json("click", "k1", 1, new { platform = "x", actor = "ann", owned = 1 }), "owned must be true or false" },
        { "owned on a share", Ev.Json("share", "s1", 1, new { platform = "x", actor = "ann", owned = true }), "field \"owned\" is not used by type \"share\"" },
        { "unknown field", With(Follow(), "likes", 3), "unknown field \"likes\"" },
        { "null is not a value", With(Follow(), "actor", null), "actor must be a string" },
        { "post without its post id", Ev.Json("post", "p1", 1, new { platform = "x" }), "post is required for type \"post\"" },
        { "impression without platform", Ev.Json("impression", "i1", 1, new { post = "p1" }), "platform is required for type \"impression\"" },
        { "impression with an actor", Ev.Json("impression", "i1", 1, new { platform = "x", post = "p1", actor = "ann" }), "field \"actor\" is not used by type \"impression\"" },
        { "like without actor", Ev.Json("like", "k1", 1, new { platform = "x" }), "actor is required for type \"like\"" },
        { "follow with a post", With(Follow(), "post", "p1"), "field \"post\" is not used by type \"follow\"" },
        { "mention with a post", Ev.Json("mention", "n1", 1, new { platform = "x", actor = "ann", post = "p1" }), "field \"post\" is not used by type \"mention\"" },
        { "reply without ref", Ev.Json("reply", "r1", 1, new { platform = "x" }), "ref is required for type \"reply\"" },
        { "reply with an actor", Ev.Json("reply", "r1", 1, new { platform = "x", @ref = "m1", actor = "brand" }), "field \"actor\" is not used by type \"reply\"" },
        { "refund without ref", Ev.Json("refund", "f1", 1, new { amount = 1 }), "ref is required for type \"refund\"" },
        { "identify without customer", Ev.Json("identify", "d1", 1, new { platform = "x", actor = "ann" }), "customer is required for type \"identify\"" },
        { "lead with nobody", Ev.Json("lead", "l1", 1), "needs actor and platform, or customer" },
        { "lead with platform but no actor", Ev.Json("lead", "l1", 1, new { platform = "x", customer = "c1" }), "platform and actor come together" },
        { "purchase with actor but no platform", Ev.Json("purchase", "b1", 1, new { actor = "ann", amount = 1 }), "platform and actor come together" },
        { "cost with an actor", Ev.Json("cost", "c1", 1, new { amount = 1, actor = "ann" }), "field \"actor\" is not used by type \"cost\"" },
    };

    [Theory]
    [MemberData(nameof(BrokenEvents))]
    public void A_broken_event_is_rejected_with_an_error_naming_the_rule(string rule, JsonObject json, string expected)
    {
        var errors = Ev.Errors(json);
        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)),
            $"{rule}: expected an error containing «{expected}», got: {string.Join(" | ", errors)}");
    }

    [Fact]
    public void An_event_that_is_not_an_object_is_rejected()
    {
        var reading = EventReader.Read(JsonSerializer.SerializeToElement(new[] { 1, 2 }), Ev.Now);
        Assert.Null(reading.Event);
        Assert.Contains("must be a JSON object", reading.Errors.Single());
    }

    [Fact]
    public void An_error_shows_the_value_that_broke_the_rule()
    {
        var error = Ev.Errors(With(Follow(), "platform", "Instagram")).Single();
        Assert.Equal("platform must be lower-case, matching ^[a-z0-9_-]{1,32}$ (instagram, x, linkedin, …), got \"Instagram\"", error);
    }

    [Fact]
    public void Lengths_count_unicode_code_points_not_utf16_units()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 128)); // 256 UTF-16 units, 128 code points
        Assert.Empty(Ev.Errors(With(Follow(), "id", emoji)));
        Assert.NotEmpty(Ev.Errors(With(Follow(), "id", emoji + "😀")));
    }

    [Fact]
    public void Every_type_accepts_its_required_and_optional_fields()
    {
        var valid = new[]
        {
            Ev.Json("post", "1", 1, new { platform = "x", post = "p1", campaign = "spring", promotional = true, contentHash = "h" }),
            Ev.Json("impression", "2", 1, new { platform = "x", post = "p1", count = 40 }),
            Ev.Json("like", "3", 1, new { platform = "x", actor = "ann", post = "p1" }),
            Ev.Json("follow", "4", 1, new { platform = "x", actor = "ann" }),
            Ev.Json("unfollow", "5", 1, new { platform = "x", actor = "ann" }),
            Ev.Json("comment", "6", 1, new { platform = "x", actor = "ann", post = "p1", sentiment = -0.5 }),
            Ev.Json("share", "7", 1, new { platform = "x", actor = "ann", post = "p1" }),
            Ev.Json("click", "8", 1, new { platform = "x", actor = "ann", post = "p1", owned = false }),
            Ev.Json("mention", "9", 1, new { platform = "x", actor = "ann", sentiment = 1 }),
            Ev.Json("message", "10", 1, new { platform = "x", actor = "ann" }),
            Ev.Json("reply", "11", 1, new { platform = "x", @ref = "6", automated = true, sentiment = 0 }),
            Ev.Json("lead", "12", 1, new { customer = "c1" }),
            Ev.Json("purchase", "13", 1, new { platform = "x", actor = "ann", customer = "c1", amount = 12.5, currency = "USD" }),
            Ev.Json("refund", "14", 1, new { @ref = "13", amount = 2, currency = "USD" }),
            Ev.Json("cost", "15", 1, new { amount = 100, platform = "x", campaign = "spring", category = "ads", currency = "USD" }),
            Ev.Json("identify", "16", 1, new { platform = "x", actor = "ann", customer = "c1" }),
        };
        foreach (var json in valid) Assert.Empty(Ev.Errors(json));
    }

    [Fact]
    public void Defaults_are_filled_in_so_equal_meanings_compare_equal()
    {
        var implicitCount = Ev.Make("impression", "i1", 1, new { platform = "x", post = "p1" });
        var explicitCount = Ev.Make("impression", "i1", 1, new { platform = "x", post = "p1", count = 1 });
        Assert.Equal(EventJson.Write(explicitCount), EventJson.Write(implicitCount));

        var cost = Ev.Make("cost", "c1", 1, new { amount = 12.50m });
        Assert.Equal(CostCategory.Other, cost.Category);
        Assert.Equal(EventJson.Write(Ev.Make("cost", "c1", 1, new { amount = 12.5m })), EventJson.Write(cost));
        Assert.True(Ev.Make("click", "k1", 1, new { platform = "x", actor = "ann" }).Owned);
    }

    [Fact]
    public void Offsets_are_stored_as_utc()
    {
        var json = With(Follow(), "at", "2026-07-01T11:30:00+02:00");
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero), Ev.Read(json).At);
        Assert.Equal(TimeSpan.Zero, Ev.Read(json).At.Offset);
    }

    [Fact]
    public void The_canonical_json_reads_back_to_the_same_event()
    {
        var original = Ev.Make("comment", "m1", 1.25, new { platform = "x", actor = "ann", post = "p1", sentiment = -0.25 });
        Assert.Equal(original, EventJson.Read(EventJson.Write(original)));
    }

    private static EventReading ReadText(string json) => EventReader.Read(JsonDocument.Parse(json).RootElement, now: null);

    [Fact]
    public void A_field_name_written_with_escapes_is_the_same_field()
    {
        var reading = ReadText("""{"\u0069d":"f1","account":"acme","type":"follow","at":"2026-07-01T09:30:00Z","platform":"x","\u0061ctor":"ann"}""");
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors));
        Assert.Equal(("f1", "ann"), (reading.Event!.Id, reading.Event.Actor));
    }

    [Theory]
    [InlineData("""{"id":"f1","id":"f2","account":"acme","type":"follow","at":"2026-07-01T09:30:00Z","platform":"x","actor":"ann"}""", "field \"id\" appears more than once")]
    [InlineData("""{"id":"f1","\u0069d":"f2","account":"acme","type":"follow","at":"2026-07-01T09:30:00Z","platform":"x","actor":"ann"}""", "field \"id\" appears more than once")]
    [InlineData("""{"id":"f1","colour":1,"colour":2,"account":"acme","type":"follow","at":"2026-07-01T09:30:00Z","platform":"x","actor":"ann"}""", "field \"colour\" appears more than once")]
    [InlineData("""{"id":"f1","Actor":"ann","account":"acme","type":"follow","at":"2026-07-01T09:30:00Z","platform":"x"}""", "unknown field \"Actor\"")]
    public void A_repeated_or_unknown_field_is_named(string json, string error)
    {
        var reading = ReadText(json);
        Assert.False(reading.IsValid);
        Assert.Contains(reading.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }
}
