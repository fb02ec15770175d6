using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>
/// Tried as an attacker would: over 10,000 generated bad bodies, interleaved with valid events.
/// The server never answers 5xx and stays up; afterwards every valid event is stored exactly once
/// and the figures equal a clean replay of the valid events.
/// </summary>
public class HostileInputTests
{
    private const int Bodies = 10_000, MaxEvents = 200, MaxBody = 256 * 1024;

    private static readonly string[] Injections =
    [
        "'; DROP TABLE events; --", "\" OR 1=1 --", "=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0",
        "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1", "<script>alert(1)</script>", "${jndi:ldap://x}", "%s%s%n", "../../etc/passwd",
        "\u0000nul", "ünïcödé ✓ 😀", "Robert'); DELETE FROM accounts;--",
    ];

    /// <summary>One body: its bytes and type, the valid events in it, and how many of its items are bad.</summary>
    private sealed record Body(byte[] Bytes, string ContentType, List<JsonObject> Valid, int Bad, bool RefusedWhole);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Line(JsonObject e) => e.ToJsonString();

    [Fact]
    public async Task Over_ten_thousand_hostile_bodies_never_get_a_5xx_and_every_valid_event_is_stored_exactly_once()
    {
        await using var server = await RunningServer.StartAsync(TestStore.Sqlite,
            $"--Ingest:MaxEventsPerBatch={MaxEvents}", $"--Ingest:MaxBodyBytes={MaxBody}", "--Security:RequestsPerSecond=100000", "--Security:Burst=100000");
        var random = new Random(2026);
        var pending = new Queue<JsonObject>(RandomHistory.Make(seed: 11, size: 3_000).Concat(InjectionEvents()));
        var valid = pending.ToList();
        var statuses = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < Bodies; i++)
        {
            var body = Hostile(i, random, pending);
            using var content = new ByteArrayContent(body.Bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
            HttpResponseMessage response;
            try
            {
                response = await server.Http.PostAsync("/api/v1/events", content);
            }
            catch (HttpRequestException error)
            {
                throw new InvalidOperationException($"body {i} ({i % 12}, {body.Bytes.Length} bytes): {error.Message}", error);
            }
            using var _ = response;
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"body {i} got {(int)response.StatusCode}: {text}");
            if (body.RefusedWhole)
            {
                Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"body {i}: {(int)response.StatusCode} {text}");
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"body {i}: {(int)response.StatusCode} {text}");
            var report = JsonNode.Parse(text)!;
            Assert.True(body.Valid.Count == (int)report["accepted"]!, $"body {i}: {text}");
            Assert.True(body.Bad == report["rejected"]!.AsArray().Count, $"body {i}: {text}");
        }
        Assert.Empty(pending); // every valid event went out, mixed among bad ones
        Assert.True(statuses.Keys.Count >= 3, $"the bodies drew only {string.Join(", ", statuses.Keys)}");
        Assert.Equal("ok\n", await server.GetStringAsync("/healthz"));

        var logged = (await server.Storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None)).Select(e => e.Id).ToList();
        Assert.Equal(logged.Count, logged.Distinct().Count());
        Assert.Equal(valid.Select(e => (string)e["id"]!).Order(StringComparer.Ordinal), logged.Order(StringComparer.Ordinal));

        await using var clean = await RunningServer.StartAsync(TestStore.Sqlite);
        foreach (var batch in valid.Chunk(500)) await clean.PostEventsAsync(batch);
        foreach (var query in new[]
        {
            "summary?from=2026-06-01&to=2026-09-01&model=linear", "funnel?from=2026-06-01&to=2026-09-01&by=post&model=time_decay",
            "funnel?from=2026-06-01&to=2026-09-01&by=campaign&format=csv", "audience?from=2026-06-01&to=2026-09-01&limit=1000",
            "health?asOf=2026-09-01", "roi?from=2026-01-01&to=2027-01-01&interval=month&format=csv",
        })
            Assert.Equal(await clean.GetStringAsync($"/api/v1/accounts/acme/{query}"), await server.GetStringAsync($"/api/v1/accounts/acme/{query}"));
    }

    /// <summary>Valid events carrying injection strings in every free-text field.</summary>
    private static IEnumerable<JsonObject> InjectionEvents() => Injections.SelectMany((text, n) => new[]
    {
        Ev.Make("post", $"inj-{n}-{text}", 3, new { platform = "x", post = text, campaign = text, contentHash = text }),
        Ev.Make("comment", $"inj-c{n}", 4, new { platform = "x", actor = text, post = text }),
        Ev.Make("purchase", $"inj-b{n}", 5, new { customer = text, amount = 10 }),
        Ev.Make("reply", $"inj-r{n}", 4.5, new { platform = "x", @ref = $"inj-c{n}" }),
    });

    private static Body Hostile(int i, Random random, Queue<JsonObject> pending)
    {
        List<JsonObject> TakeValid(int most)
        {
            var taken = new List<JsonObject>();
            while (taken.Count < most && pending.Count > 0) taken.Add(pending.Dequeue());
            return taken;
        }
        var bad = $"bad-{i}";
        switch (i % 12)
        {
            case 0: // random bytes, as JSON
                var noise = new byte[random.Next(1, 300)];
                random.NextBytes(noise);
                return new Body(noise, "application/json", [], 0, RefusedWhole: true);
            case 1: // random bytes as NDJSON lines, between valid lines
            {
                var valid = TakeValid(3);
                var lines = new List<byte[]>(valid.Select(e => Utf8(Line(e))));
                var garbage = random.Next(1, 4);
                for (var g = 0; g < garbage; g++)
                {
                    var bytes = new byte[random.Next(1, 120)];
                    random.NextBytes(bytes);
                    bytes = bytes.Select(b => b is (byte)'\n' or (byte)'\r' or (byte)' ' or (byte)'\t' ? (byte)'#' : b).ToArray();
                    lines.Insert(random.Next(lines.Count + 1), bytes);
                }
                return new Body(Join(lines), "application/x-ndjson", valid, garbage, false);
            }
            case 2: // truncated JSON
            {
                var json = new JsonArray(Ev.Make("like", bad, 1, new { platform = "x", actor = "ann" }), Ev.Make("follow", bad + "b", 1, new { platform = "x", actor = "ann" })).ToJsonString();
                return new Body(Utf8(json[..random.Next(1, json.Length - 1)]), "application/json", [], 0, RefusedWhole: true);
            }
            case 3: // nested far deeper than any event
            {
                var depth = random.Next(17, 5_000);
                return new Body(Utf8(new string('[', depth) + new string(']', depth)), "application/json", [], 0, RefusedWhole: true);
            }
            case 4: // wrong types in a JSON array, beside valid events
            {
                var valid = TakeValid(2);
                var wrong = new[]
                {
                    """{"id":123,"account":"acme","type":"like","at":"2026-07-01T00:00:00Z","platform":"x","actor":"ann"}""",
                    $$"""{"id":"{{bad}}","account":"acme","type":"purchase","at":"2026-07-01T00:00:00Z","customer":"c","amount":"12.5"}""",
                    $$"""{"id":"{{bad}}","account":"acme","type":"like","at":1751328000,"platform":"x","actor":"ann"}""",
                    $$"""{"id":"{{bad}}","account":["acme"],"type":"like","at":"2026-07-01T00:00:00Z","platform":"x","actor":"ann"}""",
                    $$"""{"id":"{{bad}}","account":"acme","type":"reply","at":"2026-07-01T00:00:00Z","platform":"x","ref":"e1","automated":"yes"}""",
                    $$"""{"id":"{{bad}}","account":"acme","type":"like","at":"2026-07-01T00:00:00Z","platform":"x","actor":null}""",
                    $$"""{"id":"{{bad}}","account":"acme","type":"like","at":"2026-07-01T00:00:00Z","platform":"x","actor":"ann","actor":"bob"}""",
                    $$"""{"id":"{{bad}}","account":"acme","type":"like","at":"2026-07-01T00:00:00Z","platform":"x","actor":"ann","likes":1}""",
                    "42", "\"an event\"", "null", "[]",
                }[random.Next(12)];
                var items = valid.Select(Line).ToList();
                items.Insert(random.Next(items.Count + 1), wrong);
                return new Body(Utf8("[" + string.Join(',', items) + "]"), "application/json", valid, 1, false);
            }
            case 5: // NaN, infinities and numbers too large: a bad line among valid ones
            {
                var valid = TakeValid(2);
                var number = new[] { "NaN", "Infinity", "-Infinity", "1e400", "99999999999999999999999999999999", "1e30", "-5" }[random.Next(7)];
                var field = new[] { ("purchase", "\"customer\":\"c\",\"amount\""), ("impression", "\"platform\":\"x\",\"post\":\"p\",\"count\""), ("comment", "\"platform\":\"x\",\"actor\":\"a\",\"sentiment\"") }[random.Next(3)];
                var line = $$"""{"id":"{{bad}}","account":"acme","type":"{{field.Item1}}","at":"2026-07-01T00:00:00Z",{{field.Item2}}:{{number}}}""";
                var lines = valid.Select(e => Utf8(Line(e))).ToList();
                lines.Insert(random.Next(lines.Count + 1), Utf8(line));
                return new Body(Join(lines), "application/x-ndjson", valid, 1, false);
            }
            case 6: // invalid UTF-8 inside a string, as JSON: refused whole, naming the byte
                return new Body(InvalidUtf8(bad, random), "application/json", [], 0, RefusedWhole: true);
            case 7: // invalid UTF-8 inside a string, as an NDJSON line among valid ones
            {
                var valid = TakeValid(2);
                var lines = valid.Select(e => Utf8(Line(e))).ToList();
                lines.Insert(random.Next(lines.Count + 1), InvalidUtf8(bad, random));
                return new Body(Join(lines), "application/x-ndjson", valid, 1, false);
            }
            case 8: // strings one code point over their limit (SPEC §1), many of them multi-byte
            {
                var valid = TakeValid(2);
                var glyph = random.Next(2) == 0 ? "x" : "😀";
                var over = new[]
                {
                    Ev.Make("like", string.Concat(Enumerable.Repeat(glyph, 129)), 1, new { platform = "x", actor = "ann" }),
                    Ev.Make("like", bad, 1, new { platform = "x", actor = string.Concat(Enumerable.Repeat(glyph, 257)) }),
                    Ev.Make("reply", bad, 1, new { platform = "x", @ref = string.Concat(Enumerable.Repeat(glyph, 129)) }),
                    Ev.Make("like", bad, 1, new { platform = "x", actor = "ann" }, account: new string('a', 65)),
                    Ev.Make("post", bad, 1, new { platform = "x", post = "p", campaign = string.Concat(Enumerable.Repeat(glyph, 129)) }),
                }[random.Next(5)];
                var items = valid.Select(Line).ToList();
                items.Insert(random.Next(items.Count + 1), Line(over));
                return new Body(Utf8("[" + string.Join(',', items) + "]"), "application/json", valid, 1, false);
            }
            case 9: // injection strings where they break a rule: account, platform, type, category, currency
            {
                var valid = TakeValid(2);
                var text = Injections[random.Next(Injections.Length)];
                var broken = new[]
                {
                    Ev.Make("like", bad, 1, new { platform = "x", actor = "ann" }, account: text),
                    Ev.Make("like", bad, 1, new { platform = text, actor = "ann" }),
                    Ev.Make(text, bad, 1, new { platform = "x", actor = "ann" }),
                    Ev.Make("cost", bad, 1, new { amount = 5, category = text }),
                    Ev.Make("purchase", bad, 1, new { customer = "c", amount = 5, currency = text }),
                }[random.Next(5)];
                var lines = valid.Select(e => Utf8(Line(e))).ToList();
                lines.Insert(random.Next(lines.Count + 1), Utf8(Line(broken)));
                return new Body(Join(lines), "application/x-ndjson", valid, 1, false);
            }
            case 10: // more events than a batch may hold
            {
                var many = Enumerable.Range(0, MaxEvents + 1 + random.Next(50)).Select(n => Line(Ev.Make("like", $"{bad}-{n}", 1, new { platform = "x", actor = "ann" })));
                return new Body(Utf8("[" + string.Join(',', many) + "]"), "application/json", [], 0, RefusedWhole: true);
            }
            default: // a body over the size limit
                return new Body(Utf8("[\"" + new string('x', MaxBody + random.Next(1, 4_096)) + "\"]"), "application/json", [], 0, RefusedWhole: true);
        }
    }

    /// <summary>An event line whose actor holds bytes that are not UTF-8 (a lone continuation byte, a truncated sequence, 0xFF).</summary>
    private static byte[] InvalidUtf8(string id, Random random)
    {
        var head = Utf8($$"""{"id":"{{id}}","account":"acme","type":"like","at":"2026-07-01T00:00:00Z","platform":"x","actor":"an""");
        byte[] broken = random.Next(3) switch { 0 => [0x80], 1 => [0xE2, 0x82], _ => [0xFF, 0xFE] };
        return [.. head, .. broken, .. Utf8("n\"}")];
    }

    private static byte[] Join(IEnumerable<byte[]> lines) => lines.SelectMany(line => line.Append((byte)'\n')).ToArray();
}
