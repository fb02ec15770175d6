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
}
