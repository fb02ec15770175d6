// Generates seeds/demo-events.ndjson: three businesses, May–November 2026, every event type.
// Run from the repository root:  dotnet run seeds/generate-demo.cs
// Deterministic (fixed seed): running it again writes the same file.
#:property PublishAot=false
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

var start = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
var end = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
var events = new List<JsonObject>();

// A coffee roaster that answers fast, spends on ads and staff, and sells through its posts.
Business(new("northwind-coffee", ["instagram", "tiktok", "facebook"], Seed: 11, PostsPerWeek: 6, Audience: 900,
    Intent: 0.30, AnswerRate: 0.93, AnswerHours: 0.4, Promotional: 0.10, PurchaseRate: 0.12, MeanOrder: 65m,
    MonthlyCosts: [("ads", 600m), ("staff", 900m), ("tools", 180m), ("content", 400m)], RepeatContent: false, AnswersEveryComplaint: true));
// A design studio on LinkedIn and X: few posts, long conversations, large orders.
Business(new("lumen-studio", ["linkedin", "x"], Seed: 23, PostsPerWeek: 3, Audience: 400,
    Intent: 0.45, AnswerRate: 0.8, AnswerHours: 3, Promotional: 0.3, PurchaseRate: 0.02, MeanOrder: 2400m,
    MonthlyCosts: [("staff", 3000m), ("agency", 1500m), ("tools", 90m)], RepeatContent: false, AnswersEveryComplaint: false));
// An outdoor brand making the classic mistakes: vanity reach, slow answers, self-promotion, the same post everywhere, no staff costs logged.
Business(new("fjord-outdoor", ["instagram", "youtube", "facebook", "x"], Seed: 37, PostsPerWeek: 14, Audience: 1500,
    Intent: 0.08, AnswerRate: 0.5, AnswerHours: 30, Promotional: 0.6, PurchaseRate: 0.01, MeanOrder: 120m,
    MonthlyCosts: [("ads", 4000m), ("tools", 250m)], RepeatContent: true, AnswersEveryComplaint: false));

string SortKey(JsonObject e) => $"{e["at"]} {e["account"]} {e["id"]}";
events.Sort((a, b) => string.CompareOrdinal(SortKey(a), SortKey(b)));
var path = Path.Combine("seeds", "demo-events.ndjson");
await File.WriteAllLinesAsync(path, events.Select(e => e.ToJsonString()));
Console.WriteLine($"wrote {events.Count} events to {path}");

void Business(Profile p)
{
    var random = new Random(p.Seed);
    var n = 0;
    string Id(string prefix) => $"{prefix}-{++n:D6}";
    JsonObject Event(string type, string id, DateTimeOffset at, object fields)
    {
        var json = new JsonObject { ["id"] = id, ["account"] = p.Account, ["type"] = type, ["at"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) };
        foreach (var property in fields.GetType().GetProperties())
            json[property.Name] = JsonSerializer.SerializeToNode(property.GetValue(fields));
        if (at < end) events.Add(json); // nothing from the future: the API refuses events over 24 h ahead
        return json;
    }
    DateTimeOffset Later(DateTimeOffset from, double meanHours) =>
        from.AddMinutes(Math.Max(1, -Math.Log(1 - random.NextDouble()) * meanHours * 60));
    bool Chance(double p) => random.NextDouble() < p;

    var members = Enumerable.Range(0, p.Audience)
        .Select(i => (Platform: p.Platforms[i % p.Platforms.Length], Actor: $"{p.Account[..3]}-fan-{i:D4}", Keen: random.NextDouble()))
        .ToArray();
    var customers = new Dictionary<int, string>();
    var posts = new List<(string Post, string Platform, DateTimeOffset At)>();
    var campaigns = new[] { "spring-launch", "summer-sale", "back-to-school", "autumn-stories" };

    // Content: posts, each seen by many (impressions) and touched by a few.
    for (var day = start; day < end; day = day.AddDays(1))
    {
        var postsToday = random.NextDouble() < p.PostsPerWeek / 7.0 % 1 ? (int)Math.Ceiling(p.PostsPerWeek / 7.0) : (int)(p.PostsPerWeek / 7.0);
        for (var k = 0; k < postsToday; k++)
        {
            var platform = p.Platforms[random.Next(p.Platforms.Length)];
            var at = day.AddHours(8 + random.Next(0, 12)).AddMinutes(random.Next(60));
            var postId = $"{p.Account[..3]}-post-{posts.Count + 1:D4}";
            var hash = p.RepeatContent ? $"h{random.Next(0, 25)}" : $"h{posts.Count}";
            var campaign = campaigns[(at.Month - 5) * campaigns.Length / 7 % campaigns.Length];
            var targets = p.RepeatContent ? p.Platforms : [platform];
            foreach (var target in targets)
            {
                var id = p.RepeatContent && target != platform ? $"{postId}-{target}" : postId;
                Event("post", Id("post"), at, new { platform = target, post = id, campaign, promotional = Chance(p.Promotional), contentHash = hash });
                posts.Add((id, target, at));
                Event("impression", Id("imp"), at.AddHours(6), new { platform = target, post = id, count = random.Next(200, 5000) });
                Event("impression", Id("imp"), at.AddHours(30), new { platform = target, post = id, count = random.Next(50, 1500) });
            }
        }
    }

    // The audience: follows and likes (vanity), then intent in proportion to each member's keenness.
    foreach (var (member, index) in members.Select((m, i) => (m, i)))
    {
        var seen = start.AddHours(random.Next(0, (int)(end - start).TotalHours - 24 * 20));
        Event("follow", Id("fol"), seen, new { platform = member.Platform, actor = member.Actor });
        if (Chance(0.08)) Event("unfollow", Id("unf"), Later(seen, 24 * 40), new { platform = member.Platform, actor = member.Actor });
        var onPlatform = posts.Where(q => q.Platform == member.Platform && q.At >= seen).ToList();
        if (onPlatform.Count == 0) continue;
        (string Post, string Platform, DateTimeOffset At) SomePost() => onPlatform[random.Next(onPlatform.Count)];
        for (var likes = random.Next(0, 6); likes > 0; likes--)
        {
            var post = SomePost();
            Event("like", Id("lik"), Later(post.At, 10), new { platform = member.Platform, actor = member.Actor, post = post.Post });
        }
        if (member.Keen > 1 - p.Intent)
        {
            for (var touches = random.Next(1, 4); touches > 0; touches--)
            {
                var post = SomePost();
                var touchAt = Later(post.At, 20);
                switch (random.Next(4))
                {
                    case 0:
                        var comment = Event("comment", Id("com"), touchAt, new { platform = member.Platform, actor = member.Actor, post = post.Post, sentiment = Math.Round(random.NextDouble() * 1.6 - 0.6, 2) });
                        Answer(comment, touchAt);
                        break;
                    case 1: Event("share", Id("sha"), touchAt, new { platform = member.Platform, actor = member.Actor, post = post.Post }); break;
                    default: Event("click", Id("cli"), touchAt, new { platform = member.Platform, actor = member.Actor, post = post.Post, owned = Chance(0.7) }); break;
                }
                if (Chance(0.15))
                {
                    var type = Chance(0.5) ? "mention" : "message";
                    var at = Later(touchAt, 30);
                    Answer(Event(type, Id(type[..3]), at, new { platform = member.Platform, actor = member.Actor, sentiment = Math.Round(random.NextDouble() * 2 - 1, 2) }), at);
                }
                if (Chance(p.PurchaseRate * 6)) Event("lead", Id("lea"), Later(touchAt, 48), new { platform = member.Platform, actor = member.Actor });
                if (Chance(p.PurchaseRate * 4)) Buy(index, member, Later(touchAt, 72));
            }
        }
    }

    // Direct and returning customers, some of them linked to their social profile later.
    for (var i = 0; i < p.Audience / 25; i++)
    {
        var at = start.AddHours(random.Next(0, (int)(end - start).TotalHours - 48));
        var purchase = Event("purchase", Id("pur"), at, new { customer = $"{p.Account[..3]}-crm-{random.Next(0, p.Audience / 10):D4}", amount = Amount() });
        if (Chance(0.05)) Event("refund", Id("ref"), Later(at, 24 * 5), new { @ref = (string)purchase["id"]!, amount = (decimal)purchase["amount"]! });
    }
    foreach (var (index, customer) in customers.Where(_ => Chance(0.5)).ToList())
    {
        var member = members[index];
        Event("identify", Id("idn"), start.AddDays(random.Next(0, 200)), new { platform = member.Platform, actor = member.Actor, customer });
    }

    // Money out: monthly costs per category, ads split by platform and campaign.
    for (var month = start; month < end; month = month.AddMonths(1))
    {
        foreach (var (category, amount) in p.MonthlyCosts)
        {
            if (category == "ads")
            {
                foreach (var platform in p.Platforms)
                    Event("cost", Id("cos"), month.AddDays(1), new { amount = Math.Round(amount / p.Platforms.Length, 2), category, platform, campaign = campaigns[(month.Month - 5) * campaigns.Length / 7 % campaigns.Length] });
            }
            else Event("cost", Id("cos"), month.AddDays(1), new { amount, category });
        }
    }

    void Answer(JsonObject inbound, DateTimeOffset at)
    {
        var complaint = (double)inbound["sentiment"]! < -0.3;
        if (!Chance(p.AnswerRate) && !(complaint && p.AnswersEveryComplaint)) return;
        var replyAt = Later(at, p.AnswerHours);
        if (replyAt >= end) return;
        Event("reply", Id("rep"), replyAt, new { platform = (string)inbound["platform"]!, @ref = (string)inbound["id"]!, automated = Chance(0.2), sentiment = Math.Round(random.NextDouble() * 0.9, 2) });
    }

    void Buy(int index, (string Platform, string Actor, double Keen) member, DateTimeOffset at)
    {
        if (at >= end) return;
        customers.TryAdd(index, $"{p.Account[..3]}-crm-{index:D4}");
        var purchase = Event("purchase", Id("pur"), at, new { platform = member.Platform, actor = member.Actor, customer = customers[index], amount = Amount() });
        if (Chance(0.04)) Event("refund", Id("ref"), Later(at, 24 * 7), new { @ref = (string)purchase["id"]!, amount = Math.Round((decimal)purchase["amount"]! / 2, 2) });
    }

    decimal Amount() => Math.Round(p.MeanOrder * (decimal)(0.4 + random.NextDouble() * 1.2), 2);
}

record Profile(string Account, string[] Platforms, int Seed, double PostsPerWeek, int Audience, double Intent, double AnswerRate,
    double AnswerHours, double Promotional, double PurchaseRate, decimal MeanOrder, (string Category, decimal Amount)[] MonthlyCosts, bool RepeatContent,
    bool AnswersEveryComplaint);
