using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Tests;

/// <summary>
/// Ingest reads a submitted event in one pass over its bytes and turns to the document reader only
/// when that pass declines: the pass must read every plainly written valid event, and must never
/// accept an event the rules reject or read one differently.
/// </summary>
public class OnePassReadingTests
{
    [Theory]
    [MemberData(nameof(StoredEventReadingTests.AcceptedEvents), MemberType = typeof(StoredEventReadingTests))]
    public void A_valid_event_is_read_in_one_pass_as_the_rules_read_it(string what, JsonObject json)
    {
        Assert.NotEmpty(what);
        Assert.Equal(Ev.Read(json), EventReader.TryReadValid(Encoding.UTF8.GetBytes(json.ToJsonString()), Ev.Now));
    }

    [Theory]
    [MemberData(nameof(EventValidationTests.BrokenEvents), MemberType = typeof(EventValidationTests))]
    public void An_event_breaking_a_rule_is_left_to_the_rules_reader(string rule, JsonObject json, string expected)
    {
        Assert.NotEmpty(expected);
        Assert.True(EventReader.TryReadValid(Encoding.UTF8.GetBytes(json.ToJsonString()), Ev.Now) is null, rule);
    }

    /// <summary>Values at and past each rule's edges, in every JSON kind, each put into an event whose type uses the field.</summary>
    public static TheoryData<string, string, string> EdgeValues()
    {
        string[] text =
        [
            "\"\"", "\"a\"", "null", "true", "7", "{}", "[]", "[\"a\"]", "{\"a\":1}", "\"\\u0041\\n\\\"\"", "\"\\ud83c\\udf89\"",
            Quoted(new string('a', 128)), Quoted(new string('a', 129)), Quoted(new string('é', 128)), Quoted(new string('é', 129)),
            Quoted(string.Concat(Enumerable.Repeat("🎉", 128))), Quoted(string.Concat(Enumerable.Repeat("🎉", 129))),
            Quoted(new string('a', 256)), Quoted(new string('a', 257)), Quoted(new string('é', 256)), Quoted(new string('é', 257)),
            Raw(new string('é', 128)), Raw(new string('é', 129)), Raw(new string('é', 256)), Raw(new string('é', 257)),
            Raw(string.Concat(Enumerable.Repeat("🎉", 128))), Raw(string.Concat(Enumerable.Repeat("🎉", 129))), Raw("ann 🎉"),
        ];
        string[] names = ["\"acme\"", "\"Acme\"", "\".acme\"", "\"a.b-c_d\"", Quoted(new string('a', 64)), Quoted(new string('a', 65)), "\"x y\"", "\"x\\n\""];
        string[] codes = ["\"USD\"", "\"usd\"", "\"US\"", "\"USDX\"", "\"U\\u0053D\""];
        string[] numbers =
        [
            "0", "1", "-1", "1.5", "-0", "0.0", "1e2", "1E2", "1e-2", "1e400", "-1e400", "1e-400", "2", "-1.0000001", "0.99999999999999999999",
            "9223372036854775807", "9223372036854775808", "79228162514264337593543950335", "79228162514264337593543950336",
            "1000000000000000", "1000000000000000.0", "1000000000000000.01", "1e15", "1.0000000000000001e15", "0.000001", "1e-6", "0.0000009", "1000000000000", "1000000000001",
            "0.00000000000000000000000000001", "12.500", "\"1\"", "true", "null",
        ];
        string[] flags = ["true", "false", "\"true\"", "1", "0", "null"];
        string[] instants =
        [
            "\"2026-07-01T09:30:00Z\"", "\"2026-07-01T09:30:00.123456789+02:00\"", "\"2026-07-01T09:30:00-23:59\"", "\"2026-07-01t09:30:00z\"",
            "\"2026-07-01 09:30:00Z\"", "\"2026-07-01T09:30:00\"", "\"2026-02-30T09:30:00Z\"", "\"2026-11-02T00:00:00Z\"", "\"2026-11-02T00:00:01Z\"",
            "\"1999-12-31T23:59:59Z\"", "\"2000-01-01T00:00:00Z\"", "\"2026-07-01T09:30:60Z\"", "\"2026-07-01T09:30:00.Z\"",
            Quoted("2026-07-01T09:30:00." + new string('1', 80) + "Z"), "\"2026-07-01T09:30:00\\u005a\"", "1", "null",
        ];
        var cases = new TheoryData<string, string, string>();
        void Add(string type, string field, IEnumerable<string> values)
        {
            foreach (var value in values) cases.Add(type, field, value);
        }
        Add("follow", "id", text);
        Add("follow", "account", names);
        Add("follow", "type", ["\"follow\"", "\"Follow\"", "\"retweet\"", "1", "null"]);
        Add("follow", "at", instants);
        Add("follow", "platform", [.. names, Quoted(new string('p', 32)), Quoted(new string('p', 33))]);
        Add("follow", "actor", text);
        Add("lead", "customer", text);
        Add("like", "post", text);
        Add("reply", "ref", text);
        Add("impression", "count", numbers);
        Add("purchase", "amount", numbers);
        Add("purchase", "currency", codes);
        Add("cost", "campaign", text);
        Add("cost", "category", ["\"ads\"", "\"Ads\"", "\"coffee\"", "\"other\"", "1", "null"]);
        Add("post", "promotional", flags);
        Add("reply", "automated", flags);
        Add("post", "contentHash", text);
        Add("comment", "sentiment", numbers);
        Add("click", "owned", flags);
        Add("follow", "owned", flags);
        return cases;
    }

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void At_every_edge_the_one_pass_reader_agrees_with_the_rules(string type, string field, string value)
    {
        var line = WithField(type, field, value);
        Assert.Equal(ReadByTheRules(line), EventReader.TryReadValid(Encoding.UTF8.GetBytes(line), Ev.Now));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("1")]
    [InlineData("\"follow\"")]
    [InlineData("{\"id\":\"f1\",\"id\":\"f2\",\"account\":\"acme\",\"type\":\"follow\",\"at\":\"2026-07-01T00:00:00Z\",\"platform\":\"x\",\"actor\":\"ann\"}")]
    [InlineData("{\"id\":\"f1\",\"account\":\"acme\",\"type\":\"follow\",\"at\":\"2026-07-01T00:00:00Z\",\"platform\":\"x\",\"actor\":\"ann\",\"likes\":3}")]
    [InlineData("{\"id\":\"f1\",\"account\":\"acme\",\"type\":\"follow\",\"at\":\"2026-07-01T00:00:00Z\",\"platform\":\"x\",\"actor\":\"ann\"} {}")]
    [InlineData("{\"id\":\"f1\",\"account\":\"acme\",\"type\":\"follow\",\"at\":\"2026-07-01T00:00:00Z\",\"platform\":\"x\",\"actor\":\"ann\",}")]
    [InlineData("{\"id\":\"f1\",\"account\":\"acme\",\"type\":\"follow\",\"at\":\"2026-07-01T00:00:00Z\",\"platform\":\"x\",\"actor\":\"ann\"")]
    [InlineData("{\"id\":\"f1\",\"account\":\"acme\",\"type\":\"follow\",\"at\":\"2026-07-01T00:00:00Z\",\"platform\":\"x\" /* who */,\"actor\":\"ann\"}")]
    public void A_line_that_is_not_one_plain_event_object_is_left_to_the_rules_reader(string line)
    {
        Assert.Null(EventReader.TryReadValid(Encoding.UTF8.GetBytes(line), Ev.Now));
    }

    [Fact]
    public void Fields_in_any_order_with_spaces_between_are_read_in_one_pass()
    {
        const string line = " { \"actor\" : \"ann\",\n\t\"platform\":\"x\", \"at\":\"2026-07-01T02:00:00+02:00\", \"type\":\"follow\", \"account\":\"acme\", \"id\":\"f1\" } ";
        var read = EventReader.TryReadValid(Encoding.UTF8.GetBytes(line), Ev.Now);
        Assert.NotNull(read);
        Assert.Equal(ReadByTheRules(line), read);
    }

    /// <summary>A JSON string with every character outside ASCII escaped, as .NET's serializer writes it.</summary>
    private static string Quoted(string text) => JsonSerializer.Serialize(text);

    /// <summary>A JSON string with its characters written as they are (UTF-8 in the line), as most senders write them.</summary>
    private static string Raw(string text) => $"\"{text}\"";

    /// <summary>A valid event of the type, with the field (added or replaced) written as the raw JSON value.</summary>
    private static string WithField(string type, string field, string value)
    {
        var json = type switch
        {
            "impression" => Ev.Json(type, "e1", 1, new { platform = "x", post = "p1" }),
            "like" => Ev.Json(type, "e1", 1, new { platform = "x", actor = "ann" }),
            "lead" => Ev.Json(type, "e1", 1, new { platform = "x", actor = "ann" }),
            "reply" => Ev.Json(type, "e1", 1, new { platform = "x", @ref = "c1" }),
            "purchase" => Ev.Json(type, "e1", 1, new { platform = "x", actor = "ann", amount = 1 }),
            "cost" => Ev.Json(type, "e1", 1, new { amount = 1 }),
            "post" => Ev.Json(type, "e1", 1, new { platform = "x", post = "p1" }),
            "comment" or "click" or "follow" => Ev.Json(type, "e1", 1, new { platform = "x", actor = "ann" }),
            _ => throw new ArgumentException(type),
        };
        json.Remove(field);
        var body = json.ToJsonString();
        return $"{body[..^1]},\"{field}\":{value}}}";
    }

    private static EngagementEvent? ReadByTheRules(string line)
    {
        using var document = JsonDocument.Parse(line);
        return EventReader.Read(document.RootElement, Ev.Now).Event;
    }
}
