using SocialRoi.Domain.Events;

namespace SocialRoi.Benchmarks;

/// <summary>
/// A busy account's year of events of every type (2 % posts, 38 % likes, 10 % comments, 4 %
/// purchases, …), one member per 20 events, one post per 200; the same for a given count.
/// </summary>
public static class SyntheticAccount
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEnumerable<EngagementEvent> Events(string account, int count)
    {
        var random = new Random(42);
        string[] platforms = ["instagram", "tiktok", "x", "linkedin"];
        var members = count / 20;
        var posts = Math.Max(10, count / 200);
        for (var i = 0; i < count; i++)
        {
            var at = Start.AddSeconds(random.Next(0, 365 * 86_400));
            var platform = platforms[random.Next(platforms.Length)];
            var actor = $"m{random.Next(members)}";
            var post = $"p{random.Next(posts)}";
            var id = $"e{i}";
            var roll = random.Next(100);
            yield return roll switch
            {
                < 2 => new EngagementEvent { Id = id, Account = account, Type = EventType.Post, At = at, Platform = platform, Post = post, Promotional = false, Campaign = $"c{random.Next(6)}" },
                < 12 => new EngagementEvent { Id = id, Account = account, Type = EventType.Impression, At = at, Platform = platform, Post = post, Count = random.Next(1, 900) },
                < 50 => new EngagementEvent { Id = id, Account = account, Type = EventType.Like, At = at, Platform = platform, Actor = actor, Post = post },
                < 60 => new EngagementEvent { Id = id, Account = account, Type = EventType.Follow, At = at, Platform = platform, Actor = actor },
                < 70 => new EngagementEvent { Id = id, Account = account, Type = EventType.Comment, At = at, Platform = platform, Actor = actor, Post = post },
                < 78 => new EngagementEvent { Id = id, Account = account, Type = EventType.Click, At = at, Platform = platform, Actor = actor, Post = post, Owned = true },
                < 84 => new EngagementEvent { Id = id, Account = account, Type = EventType.Reply, At = at, Platform = platform, Ref = $"e{random.Next(Math.Max(1, i))}", Automated = false },
                < 88 => new EngagementEvent { Id = id, Account = account, Type = EventType.Message, At = at, Platform = platform, Actor = actor },
                < 92 => new EngagementEvent { Id = id, Account = account, Type = EventType.Lead, At = at, Platform = platform, Actor = actor },
                < 96 => new EngagementEvent { Id = id, Account = account, Type = EventType.Purchase, At = at, Platform = platform, Actor = actor, Amount = random.Next(100, 20_000) / 100m },
                < 97 => new EngagementEvent { Id = id, Account = account, Type = EventType.Refund, At = at, Ref = $"e{random.Next(Math.Max(1, i))}", Amount = 5m },
                < 98 => new EngagementEvent { Id = id, Account = account, Type = EventType.Identify, At = at, Platform = platform, Actor = actor, Customer = $"c{random.Next(members / 4 + 1)}" },
                _ => new EngagementEvent { Id = id, Account = account, Type = EventType.Cost, At = at, Amount = 250m, Category = CostCategory.Ads, Platform = platform },
            };
        }
    }
}
