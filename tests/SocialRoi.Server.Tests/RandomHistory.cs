using System.Text.Json.Nodes;

namespace SocialRoi.Server.Tests;

/// <summary>Seeded random event sets that use every event type and the tangles that matter (links, refunds, ties).</summary>
public static class RandomHistory
{
    public static List<JsonObject> Make(int seed, int size)
    {
        var random = new Random(seed);
        string[] platforms = ["x", "instagram", "tiktok"];
        string[] actors = ["ann", "bob", "cy", "dee", "eve"];
        string[] campaigns = ["spring", "summer"];
        var events = new List<JsonObject>();
        string Platform() => platforms[random.Next(platforms.Length)];
        string Actor() => actors[random.Next(actors.Length)];
        double Day() => random.Next(0, 120) / 2.0; // half-day steps: plenty of ties at the same instant
        for (var i = 0; i < size; i++)
        {
            var id = $"e{i}";
            var day = Day();
            var post = $"p{random.Next(8)}";
            events.Add(random.Next(16) switch
            {
                0 => Ev.Make("post", id, day, new { platform = Platform(), post, campaign = campaigns[random.Next(2)], promotional = random.Next(2) == 0, contentHash = $"h{random.Next(4)}" }),
                1 => Ev.Make("impression", id, day, new { platform = Platform(), post, count = random.Next(1, 500) }),
                2 => Ev.Make("like", id, day, new { platform = Platform(), actor = Actor(), post }),
                3 => Ev.Make(random.Next(3) == 0 ? "unfollow" : "follow", id, day, new { platform = Platform(), actor = Actor() }),
                4 => Ev.Make("comment", id, day, new { platform = Platform(), actor = Actor(), post, sentiment = random.Next(-10, 11) / 10.0 }),
                5 => Ev.Make("share", id, day, new { platform = Platform(), actor = Actor(), post }),
                6 => Ev.Make("click", id, day, new { platform = Platform(), actor = Actor(), post, owned = random.Next(2) == 0 }),
                7 => Ev.Make(random.Next(2) == 0 ? "mention" : "message", id, day, new { platform = Platform(), actor = Actor() }),
                8 or 9 => Ev.Make("reply", id, day, new { platform = Platform(), @ref = $"e{random.Next(size)}", automated = random.Next(3) == 0 }),
                10 => Ev.Make("lead", id, day, new { platform = Platform(), actor = Actor() }),
                11 => Ev.Make("purchase", id, day, new { platform = Platform(), actor = Actor(), amount = random.Next(1, 20000) / 100m }),
                12 => Ev.Make("purchase", id, day, new { customer = $"c{random.Next(4)}", amount = random.Next(1, 20000) / 100m }),
                13 => Ev.Make("refund", id, day, new { @ref = $"e{random.Next(size)}", amount = random.Next(1, 3000) / 100m }),
                14 => Ev.Make("cost", id, day, new { amount = random.Next(1, 50000) / 100m, platform = Platform(), campaign = campaigns[random.Next(2)], category = "ads" }),
                _ => Ev.Make("identify", id, day, new { platform = Platform(), actor = Actor(), customer = $"c{random.Next(4)}" }),
            });
        }
        return events;
    }
}
