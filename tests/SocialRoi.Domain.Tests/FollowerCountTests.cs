using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using static SocialRoi.Domain.Tests.Ev;

namespace SocialRoi.Domain.Tests;

/// <summary>SPEC §2: followers at t are the members whose latest follow or unfollow before t is a follow.</summary>
public class FollowerCountTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Followers_at_any_instant_follow_the_rule_whatever_order_events_arrive_in(int seed)
    {
        var random = new Random(seed);
        var events = Enumerable.Range(0, 3_000).Select(i =>
        {
            // Instants on a 3-hour grid, so some share an instant (ordered by id) and many share a day.
            var day = random.Next(0, 120 * 8) / 8.0;
            var actor = $"a{random.Next(40)}";
            return random.Next(6) switch
            {
                0 or 1 or 2 => Make("follow", $"e{i}", day, new { platform = "x", actor }),
                3 or 4 => Make("unfollow", $"e{i}", day, new { platform = "x", actor }),
                _ => Make("like", $"e{i}", day, new { platform = "x", actor, post = "p1" }),
            };
        }).ToList();
        var rebuilt = new HistoryIndex(events);
        var incremental = new HistoryIndex([]);
        foreach (var e in events.OrderBy(_ => random.Next())) incremental.Add(e);

        var byTime = Comparer<EngagementEvent>.Create(EngagementEvent.CompareByTime);
        int Expected(DateTimeOffset t) => events
            .Where(e => e.Type is EventType.Follow or EventType.Unfollow && e.At < t)
            .GroupBy(e => e.Actor)
            .Count(member => member.Max(byTime)!.Type == EventType.Follow);
        for (var quarter = -4; quarter <= 125 * 4; quarter += 3)
        {
            foreach (var instant in new[] { Day0.AddDays(quarter / 4.0), Day0.AddDays(quarter / 4.0).AddMinutes(90) })
            {
                var expected = Expected(instant);
                Assert.Equal(expected, rebuilt.FollowersAt(instant));
                Assert.Equal(expected, incremental.FollowersAt(instant));
                Assert.Equal(expected, AudienceTiers.FollowersByPlatform(incremental, instant).Values.Sum());
            }
        }
    }

    [Fact]
    public void Followers_by_platform_count_a_platform_whose_followers_all_left_as_zero_and_leave_out_one_never_followed()
    {
        var index = new HistoryIndex([
            Make("follow", "f1", 1, new { platform = "x", actor = "ann" }),
            Make("follow", "f2", 2, new { platform = "instagram", actor = "bob" }),
            Make("unfollow", "u2", 5, new { platform = "instagram", actor = "bob" }),
            Make("like", "l1", 3, new { platform = "tiktok", actor = "cy", post = "p1" }),
            Make("follow", "f3", 10, new { platform = "linkedin", actor = "dee" }),
        ]);

        Assert.Equal(new Dictionary<string, int> { ["x"] = 1, ["instagram"] = 1 }, AudienceTiers.FollowersByPlatform(index, Day0.AddDays(4)));
        Assert.Equal(new Dictionary<string, int> { ["x"] = 1, ["instagram"] = 0 }, AudienceTiers.FollowersByPlatform(index, Day0.AddDays(6)));
        Assert.Equal(new Dictionary<string, int> { ["x"] = 1, ["instagram"] = 0, ["linkedin"] = 1 },
            AudienceTiers.FollowersByPlatform(index, Day0.AddDays(11)));
    }
}
