using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;

namespace SocialRoi.Benchmarks;

/// <summary>
/// A busy account's year of events of every type (2 % posts, 38 % likes, 10 % comments, 4 %
/// purchases, …), one member per 20 events, one post per 200; the same for a given count.
/// </summary>
public static class SyntheticAccount
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Platforms = ["instagram", "tiktok", "x", "linkedin"];

    /// <summary>An account history holding <see cref="Events"/>, its indexes not built yet.</summary>
    public static AccountHistory History(string account, int count)
    {
        var history = new AccountHistory();
        foreach (var e in Events(account, count)) history.Add(e);
        return history;
    }

    public static IEnumerable<EngagementEvent> Events(string account, int count)
    {
        var random = new Random(42);
        var members = count / 20;
        var posts = Math.Max(10, count / 200);
        for (var i = 0; i < count; i++)
        {
            var at = Start.AddSeconds(random.Next(0, 365 * 86_400));
            var platform = Platforms[random.Next(Platforms.Length)];
            var actor = $"m{random.Next(members)}";
            var post = $"p{random.Next(posts)}";
            var earlier = i;
            yield return Event(random, account, $"e{i}", at, platform, actor, post, post, () => $"e{random.Next(Math.Max(1, earlier))}", members);
        }
    }

    /// <summary>
    /// What a live feed sends on into the account <see cref="Events"/> made of <paramref name="yearOf"/>
    /// events: the same mix of types, one event a second from <paramref name="from"/>, each post a new
    /// one (as a brand publishes), touches on the year's posts and on the feed's own, replies and
    /// refunds to the feed's earlier events.
    /// </summary>
    public static IEnumerable<EngagementEvent> LiveFeed(string account, int yearOf, DateTimeOffset from)
    {
        var random = new Random(7);
        var members = yearOf / 20;
        var posts = Math.Max(10, yearOf / 200);
        var newPosts = 0;
        for (var i = 0; ; i++)
        {
            var platform = Platforms[random.Next(Platforms.Length)];
            var actor = $"m{random.Next(members)}";
            var touched = newPosts > 0 && random.Next(2) == 0 ? $"live-p{random.Next(newPosts)}" : $"p{random.Next(posts)}";
            var earlier = i;
            var e = Event(random, account, $"live-{i}", from.AddSeconds(i), platform, actor, touched, $"live-p{newPosts}",
                () => $"live-{random.Next(Math.Max(1, earlier))}", members);
            if (e.Type == EventType.Post) newPosts++;
            yield return e;
        }
    }

    // One event of a type drawn by the mix above; a post event names newPost, touches name touched.
    private static EngagementEvent Event(Random random, string account, string id, DateTimeOffset at, string platform, string actor,
        string touched, string newPost, Func<string> earlierId, int members) => random.Next(100) switch
    {
        < 2 => new EngagementEvent { Id = id, Account = account, Type = EventType.Post, At = at, Platform = platform, Post = newPost, Promotional = false, Campaign = $"c{random.Next(6)}" },
        < 12 => new EngagementEvent { Id = id, Account = account, Type = EventType.Impression, At = at, Platform = platform, Post = touched, Count = random.Next(1, 900) },
        < 50 => new EngagementEvent { Id = id, Account = account, Type = EventType.Like, At = at, Platform = platform, Actor = actor, Post = touched },
        < 60 => new EngagementEvent { Id = id, Account = account, Type = EventType.Follow, At = at, Platform = platform, Actor = actor },
        < 70 => new EngagementEvent { Id = id, Account = account, Type = EventType.Comment, At = at, Platform = platform, Actor = actor, Post = touched },
        < 78 => new EngagementEvent { Id = id, Account = account, Type = EventType.Click, At = at, Platform = platform, Actor = actor, Post = touched, Owned = true },
        < 84 => new EngagementEvent { Id = id, Account = account, Type = EventType.Reply, At = at, Platform = platform, Ref = earlierId(), Automated = false },
        < 88 => new EngagementEvent { Id = id, Account = account, Type = EventType.Message, At = at, Platform = platform, Actor = actor },
        < 92 => new EngagementEvent { Id = id, Account = account, Type = EventType.Lead, At = at, Platform = platform, Actor = actor },
        < 96 => new EngagementEvent { Id = id, Account = account, Type = EventType.Purchase, At = at, Platform = platform, Actor = actor, Amount = random.Next(100, 20_000) / 100m },
        < 97 => new EngagementEvent { Id = id, Account = account, Type = EventType.Refund, At = at, Ref = earlierId(), Amount = 5m },
        < 98 => new EngagementEvent { Id = id, Account = account, Type = EventType.Identify, At = at, Platform = platform, Actor = actor, Customer = $"c{random.Next(members / 4 + 1)}" },
        _ => new EngagementEvent { Id = id, Account = account, Type = EventType.Cost, At = at, Amount = 250m, Category = CostCategory.Ads, Platform = platform },
    };
}
