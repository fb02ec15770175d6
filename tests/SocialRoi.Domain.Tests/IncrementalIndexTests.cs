using System.Text.Json;
using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Health;
using SocialRoi.Domain.Time;
using static SocialRoi.Domain.Tests.Ev;

namespace SocialRoi.Domain.Tests;

/// <summary>Indexes kept up to date event by event give every figure a rebuild from scratch gives.</summary>
public class IncrementalIndexTests
{
    private static List<EngagementEvent> RandomEvents(int seed, int size)
    {
        var random = new Random(seed);
        string[] platforms = ["x", "instagram"];
        string Actor() => $"a{random.Next(12)}";
        double Day() => random.Next(0, 120) / 2.0; // ties at the same instant on purpose
        var events = new List<EngagementEvent>();
        for (var i = 0; i < size; i++)
        {
            var id = $"e{i}";
            var platform = platforms[random.Next(2)];
            var post = $"p{random.Next(6)}";
            events.Add(random.Next(13) switch
            {
                0 => Make("post", id, Day(), new { platform, post, campaign = $"c{random.Next(2)}", promotional = random.Next(2) == 0, contentHash = $"h{random.Next(3)}" }),
                1 => Make("like", id, Day(), new { platform, actor = Actor(), post }),
                2 => Make(random.Next(3) == 0 ? "unfollow" : "follow", id, Day(), new { platform, actor = Actor() }),
                3 => Make("comment", id, Day(), new { platform, actor = Actor(), post, sentiment = random.Next(-10, 11) / 10.0 }),
                4 => Make("click", id, Day(), new { platform, actor = Actor(), post, owned = random.Next(2) == 0 }),
                5 => Make("message", id, Day(), new { platform, actor = Actor() }),
                6 or 7 => Make("reply", id, Day(), new { platform, @ref = $"e{random.Next(size)}", automated = random.Next(3) == 0 }),
                8 => Make("lead", id, Day(), new { customer = $"c{random.Next(4)}" }),
                9 => Make("purchase", id, Day(), new { platform, actor = Actor(), amount = random.Next(1, 500) }),
                10 => Make("purchase", id, Day(), new { customer = $"c{random.Next(4)}", amount = random.Next(1, 500) }),
                11 => Make("cost", id, Day(), new { amount = random.Next(1, 300), category = "staff" }),
                _ => Make("identify", id, Day(), new { platform, actor = Actor(), customer = $"c{random.Next(4)}" }),
            });
        }
        return events;
    }

    private static string Figures(AccountHistory history)
    {
        var settings = new AccountSettings { LookbackDays = 20 };
        var range = new TimeRange(Day0.AddDays(10), Day0.AddDays(50));
        var figures = new List<object>();
        foreach (var model in Enum.GetValues<AttributionModel>())
        {
            var attribution = new Attribution(history.Index, settings, model);
            figures.Add(AccountSummary.Compute("acme", history, settings, range, model));
            foreach (var by in Enum.GetValues<FunnelDimension>()) figures.Add(Funnel.Compute(history.Index, attribution, settings, range, by));
            figures.Add(RoiPeriods.Compute(history.Index, attribution, settings, new TimeRange(Day0, Day0.AddDays(70)), RoiInterval.Month));
        }
        figures.Add(AudienceList.Page(history.Index, new AudienceQuery(range, null, null, 1000, null)));
        figures.Add(HealthChecks.Evaluate(history.Index.Before(Day0.AddDays(40)), [], Day0.AddDays(40)));
        return JsonSerializer.Serialize(figures);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Events_added_one_by_one_after_the_first_query_give_the_figures_of_a_rebuild(int seed)
    {
        var events = RandomEvents(seed, 700);
        var shuffled = events.OrderBy(_ => Random.Shared.Next()).ToList();

        var live = new AccountHistory();
        foreach (var e in shuffled.Take(50)) live.Add(e);
        _ = Figures(live); // the indexes exist from here on, and every later event updates them
        foreach (var (e, i) in shuffled.Skip(50).Select((e, i) => (e, i)))
        {
            live.Add(e);
            if (i % 97 == 0) _ = Figures(live); // cached figures (first purchases, "before") are refreshed as events arrive
        }

        var rebuilt = new AccountHistory();
        foreach (var e in events) rebuilt.Add(e);
        Assert.Equal(Figures(rebuilt), Figures(live));
    }
}
