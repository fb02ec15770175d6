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
        figures.Add(HealthChecks.Evaluate(history.Index, [], Day0.AddDays(40)));
        return JsonSerializer.Serialize(figures);
    }

    /// <summary>SPEC §2 read straight from a member's events: the highest tier any event before t reached.</summary>
    private static AudienceTier TierByTheRule(List<EngagementEvent> all, Member member, DateTimeOffset instant)
    {
        var linked = all.Where(e => e.Type == EventType.Identify && e.Member == member).Select(e => e.Customer).ToHashSet();
        var tier = AudienceTier.Vanity;
        foreach (var e in all.Where(e => e.At < instant && (e.Member == member || (e.Type.IsConversion() && e.Customer is { } c && linked.Contains(c)))))
        {
            var answered = e.Type.IsInbound() && all.Any(r => r.Type == EventType.Reply && r.Ref == e.Id && r.At >= e.At && r.At < instant);
            var reached = e.Type switch
            {
                EventType.Purchase => AudienceTier.Customer,
                EventType.Lead => AudienceTier.Lead,
                _ when answered => AudienceTier.Conversational,
                _ when e.Type.IsEngagement() => AudienceTier.Engaged,
                _ => AudienceTier.Vanity,
            };
            if (reached > tier) tier = reached;
        }
        return tier;
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Tiers_kept_per_member_equal_the_rule_read_from_the_events_at_every_instant(int seed)
    {
        var events = RandomEvents(seed, 400);
        for (var k = 0; k < 6; k++) // members who talk but never buy, so conversational is the tier some members end at
        {
            events.Add(Make("comment", $"talk{k}", k * 10, new { platform = "x", actor = $"talker{k}", post = "p1" }));
            events.Add(Make("reply", $"answer{k}", k * 10 + 1.5, new { platform = "x", @ref = $"talk{k}" }));
            events.Add(Make("reply", $"early{k}", k * 10 - 1, new { platform = "x", @ref = $"talk{k}" })); // before the comment: no answer
        }
        var live = new AccountHistory();
        foreach (var e in events.Take(20)) live.Add(e);
        _ = live.Index;
        foreach (var e in events.Skip(20).OrderBy(_ => Random.Shared.Next())) live.Add(e); // answers and links often arrive before what they refer to

        var members = live.Index.Members.ToList();
        Assert.True(members.Count > 10);
        var checkedTiers = new HashSet<AudienceTier>();
        for (var halfDay = 0; halfDay <= 122; halfDay++)
        {
            var instant = Day0.AddDays(halfDay / 2.0);
            foreach (var member in members)
            {
                var expected = TierByTheRule(events, member, instant);
                Assert.Equal(expected, AudienceTiers.TierAt(live.Index, member, instant));
                checkedTiers.Add(expected);
            }
        }
        Assert.Equal(Enum.GetValues<AudienceTier>(), checkedTiers.Order()); // every tier was reached somewhere
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

    [Fact]
    public void Posts_first_named_between_queries_give_the_figures_of_a_rebuild()
    {
        var events = RandomEvents(7, 300);
        var live = new AccountHistory();
        foreach (var e in events) live.Add(e);
        _ = Figures(live); // credits remembered, names ranked
        string[] posts = ["p3b", "a", "zz", "p10", "p0a", "m"]; // falling between the known names p0…p5, and around them
        var added = new List<EngagementEvent>();
        for (var i = 0; i < posts.Length; i++)
        {
            // As a live feed sends them: the post, a touch of it, a purchase by the one who touched it.
            // The last post comes after its touch and purchase, so it changes the platform and campaign they are credited to.
            List<EngagementEvent> feed =
            [
                Make("post", $"new-post-{i}", 20 + i, new { platform = "instagram", post = posts[i], campaign = $"launch{i}" }),
                Make("like", $"new-like-{i}", 20.5 + i, new { platform = "x", actor = $"fan{i}", post = posts[i] }),
                Make("purchase", $"new-buy-{i}", 21 + i, new { platform = "x", actor = $"fan{i}", amount = 40 + i }),
            ];
            if (i == posts.Length - 1) feed.Reverse();
            foreach (var e in feed)
            {
                live.Add(e);
                added.Add(e);
                _ = Figures(live);
            }
        }

        var rebuilt = new AccountHistory();
        foreach (var e in events.Concat(added)) rebuilt.Add(e);
        Assert.Equal(Figures(rebuilt), Figures(live));
        var settings = new AccountSettings();
        var keys = Funnel.Compute(live.Index, new Attribution(live.Index, settings, AttributionModel.Linear), settings,
            new TimeRange(Day0, Day0.AddDays(70)), FunnelDimension.Post).Select(row => row.Key).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Contains("zz", keys);
    }

    [Fact]
    public void Health_as_of_an_instant_that_moves_on_is_health_over_the_events_before_it()
    {
        var events = RandomEvents(11, 480);
        var live = new AccountHistory();
        var known = new List<EngagementEvent>();
        // "Now" moving on past events, once standing still, once going back, with events arriving in between.
        double[] days = [12, 12, 20.25, 31, 31.5, 18, 44, 60];
        for (var k = 0; k < days.Length; k++)
        {
            foreach (var e in events.Skip(k * 60).Take(60))
            {
                live.Add(e);
                known.Add(e);
            }
            var asOf = Day0.AddDays(days[k]);
            var rebuilt = HealthChecks.Evaluate(new HistoryIndex(known.Where(e => e.At < asOf)), [], asOf);
            Assert.Equal(JsonSerializer.Serialize(rebuilt), JsonSerializer.Serialize(HealthChecks.Evaluate(live.Index, [], asOf)));
        }
    }

    /// <summary>
    /// Health read from the index of every event, as of any instant, is health over an index of the
    /// events before it: answers, links and conversions that came later change nothing. The random
    /// accounts link their 12 actors to 4 customers over and over, so most instants have members
    /// linked only later, and replies answering inbound events on both sides of the instant.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Health_as_of_any_instant_is_health_over_the_events_before_it(int seed)
    {
        var events = RandomEvents(seed, 400);
        var whole = new HistoryIndex(events);
        var lateLinks = 0;
        for (var day = 0.0; day <= 62; day += 2.75)
        {
            var asOf = Day0.AddDays(day);
            var before = events.Where(e => e.At < asOf).ToList();
            var expected = HealthChecks.Evaluate(new HistoryIndex(before), [], asOf);
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(HealthChecks.Evaluate(whole, [], asOf)));
            var linkedBefore = before.Where(e => e.Type == EventType.Identify).Select(e => (e.Member, e.Customer)).ToHashSet();
            lateLinks += events.Count(e => e.Type == EventType.Identify && e.At >= asOf && !linkedBefore.Contains((e.Member, e.Customer)));
        }
        Assert.True(lateLinks > 0, "the instants should have members linked only after them");
    }
}
