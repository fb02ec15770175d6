using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Health;
using static SocialRoi.Domain.Tests.Ev;

namespace SocialRoi.Domain.Tests;

/// <summary>SPEC §8: every check just under and just over its thresholds, and unknown without input.</summary>
public class HealthCheckTests
{
    // The window is [Day0, AsOf): 90 days.
    private static readonly DateTimeOffset AsOf = Day0.AddDays(90);

    private static HealthCheck Check(string id, IEnumerable<EngagementEvent> events, IReadOnlyList<Goal>? goals = null)
    {
        var history = new AccountHistory();
        foreach (var e in events) history.Add(e);
        return HealthChecks.Evaluate(history.Index, goals ?? [], AsOf).Single(c => c.Id == id);
    }

    private static void Expect(string status, double? value, HealthCheck check)
    {
        Assert.Equal(status, check.Status);
        if (value is null) Assert.Null(check.Value);
        else Assert.Equal(value.Value, check.Value!.Value, 9);
        Assert.False(string.IsNullOrWhiteSpace(check.Message));
    }

    private static int _id;
    private static string Id(string prefix) => $"{prefix}{Interlocked.Increment(ref _id)}";

    private static EngagementEvent Post(double day, string platform = "x", bool promotional = false, string? hash = null) =>
        hash is null
            ? Make("post", Id("p"), day, new { platform, post = Id("post"), promotional })
            : Make("post", Id("p"), day, new { platform, post = Id("post"), promotional, contentHash = hash });

    private static IEnumerable<EngagementEvent> Posts(int count, double day = 10, string platform = "x") =>
        Enumerable.Range(0, count).Select(_ => Post(day, platform));

    private static IEnumerable<EngagementEvent> Replies(int count, int automated = 0, int negative = 0) =>
        Enumerable.Range(0, count).Select(i => i < negative
            ? Make("reply", Id("r"), 20, new { platform = "x", @ref = "none", automated = i < automated, sentiment = -0.5 })
            : Make("reply", Id("r"), 20, new { platform = "x", @ref = "none", automated = i < automated }));

    /// <summary>Inbound messages on day 10, answered after the given minutes (null: never).</summary>
    private static IEnumerable<EngagementEvent> Inbound(params double?[] minutes)
    {
        foreach (var after in minutes)
        {
            var id = Id("m");
            yield return Make("message", id, 10, new { platform = "x", actor = Id("a") });
            if (after is not { } m) continue;
            var reply = Json("reply", Id("r"), 10, new { platform = "x", @ref = id });
            reply["at"] = Time.Timestamps.Format(Day0.AddDays(10).AddMinutes(m)); // exact minutes, no day fractions
            yield return Read(reply);
        }
    }

    private static IEnumerable<int> Answered(int answered, int of) => Enumerable.Range(0, of).Select(i => i < answered ? 1 : 0);

    [Fact]
    public void No_goals_fails_without_a_goal_overlapping_the_window_and_is_ok_with_one()
    {
        var overlapping = new Goal("g", "roi", ">=", 1, AsOf.AddDays(-1), AsOf.AddDays(30));
        var endedAtWindowStart = new Goal("old", "roi", ">=", 1, Day0.AddDays(-30), Day0);
        Expect("fail", 0, Check("no-goals", []));
        Expect("fail", 0, Check("no-goals", [], [endedAtWindowStart]));
        Expect("ok", 1, Check("no-goals", [], [overlapping, endedAtWindowStart]));
        Assert.Equal(new HealthThreshold(null, 0), Check("no-goals", []).Threshold);
    }

    [Theory]
    [InlineData(10, "ok")]
    [InlineData(9, "warn")]
    [InlineData(7, "warn")]
    [InlineData(6, "fail")]
    public void Posting_consistency_counts_the_13_weeks_back_from_asOf_with_a_post(int weeks, string status)
    {
        // A post one day into week k, for weeks 0..weeks-1; week 0 is [asOf − 7 d, asOf), week 12 is 6 days long.
        var posts = Enumerable.Range(0, weeks).Select(k => Post(90 - 7 * k - 1)).ToList();
        Expect(status, weeks / 13.0, Check("posting-consistency", posts));
    }

    [Fact]
    public void Posting_consistency_counts_a_post_at_the_start_of_a_week_in_that_week_and_is_unknown_without_posts()
    {
        Expect("fail", 1 / 13.0, Check("posting-consistency", [Post(83), Post(89)])); // day 83 is asOf − 7 d: week 0's first instant
        Expect("unknown", null, Check("posting-consistency", [Post(-1)]));
    }

    [Theory]
    [InlineData(2, "ok")]   // 0.5
    [InlineData(1, "warn")] // 0.25 is not below 0.25
    [InlineData(0, "fail")]
    public void Posting_decay_compares_the_last_45_days_with_the_45_before(int recent, string status)
    {
        var posts = Posts(4, day: 10).Concat(Posts(recent, day: 60));
        Expect(status, recent / 4.0, Check("posting-decay", posts));
    }

    [Fact]
    public void Posting_decay_is_unknown_without_posts_in_the_older_half() =>
        Expect("unknown", null, Check("posting-decay", Posts(3, day: 60)));

    [Theory]
    [InlineData(3, "ok")]
    [InlineData(4, "warn")]
    [InlineData(6, "warn")]
    [InlineData(7, "fail")]
    public void Over_posting_is_posts_per_posting_day_on_the_busiest_platform(int perDay, string status)
    {
        var posts = Posts(perDay, day: 10.2, platform: "x").Concat(Posts(perDay, day: 11.2, platform: "x")).Concat(Posts(1, day: 12, platform: "tiktok"));
        Expect(status, perDay, Check("over-posting", posts));
    }

    [Theory]
    [InlineData(1, 5, "ok")]   // 0.2
    [InlineData(2, 9, "warn")] // 0.22
    [InlineData(1, 2, "warn")] // 0.5
    [InlineData(2, 3, "fail")]
    public void Self_promotion_is_the_share_of_promotional_posts(int promotional, int posts, string status)
    {
        var events = Enumerable.Range(0, posts).Select(i => Post(10 + i, promotional: i < promotional));
        Expect(status, (double)promotional / posts, Check("self-promotion", events));
    }

    [Theory]
    [InlineData(9, 10, "ok")]
    [InlineData(8, 10, "warn")]
    [InlineData(13, 20, "warn")] // 0.65 is not below 0.65
    [InlineData(6, 10, "fail")]
    public void Response_rate_is_the_share_of_inbound_answered(int answered, int inbound, string status) =>
        Expect(status, (double)answered / inbound,
            Check("response-rate", Inbound(Answered(answered, inbound).Select(a => a == 1 ? (double?)5 : null).ToArray())));

    [Fact]
    public void Response_rate_ignores_replies_after_asOf_and_is_unknown_without_inbound()
    {
        var late = new[] { Make("message", "m-late", 80, new { platform = "x", actor = "ann" }), Make("reply", "r-late", 91, new { platform = "x", @ref = "m-late" }) };
        Expect("fail", 0, Check("response-rate", late));
        Expect("unknown", null, Check("response-rate", Posts(2)));
    }

    [Theory]
    [InlineData(30, "ok")]
    [InlineData(31, "warn")]
    [InlineData(1440, "warn")]
    [InlineData(1441, "fail")]
    public void Response_time_is_the_median_first_answer_in_minutes(double minutes, string status) =>
        Expect(status, minutes, Check("response-time", Inbound(minutes, minutes, 1, 5000)));

    [Fact]
    public void Response_time_is_unknown_when_nothing_was_answered() =>
        Expect("unknown", null, Check("response-time", Inbound(null, null)));

    private static IEnumerable<EngagementEvent> Complaints(int count, double day = 80, double sentiment = -0.5) =>
        Enumerable.Range(0, count).Select(_ => Make("comment", Id("c"), day, new { platform = "x", actor = Id("a"), sentiment }));

    [Theory]
    [InlineData(0, "ok")]
    [InlineData(1, "warn")]
    [InlineData(4, "warn")]
    [InlineData(5, "fail")]
    public void Ignored_complaints_counts_negative_unanswered_inbound_older_than_a_day(int ignored, string status)
    {
        var noise = Complaints(3, sentiment: -0.3)          // not below −0.3: not a complaint
            .Concat(Complaints(3, day: 89.5))              // less than 24 h old
            .Concat(Complaints(2).SelectMany(c => new[] { c, Make("reply", Id("r"), 81, new { platform = "x", @ref = c.Id }) })); // answered
        Expect(status, ignored, Check("ignored-complaints", Complaints(ignored).Concat(noise)));
    }

    [Fact]
    public void Ignored_complaints_is_unknown_without_inbound() =>
        Expect("unknown", null, Check("ignored-complaints", Posts(1)));

    [Theory]
    [InlineData(1, 2, "ok")]
    [InlineData(2, 3, "warn")]
    [InlineData(9, 10, "warn")]
    [InlineData(10, 10, "fail")]
    public void Over_automation_is_the_share_of_automated_replies(int automated, int replies, string status) =>
        Expect(status, (double)automated / replies, Check("over-automation", Replies(replies, automated)));

    [Fact]
    public void Over_automation_and_negative_tone_are_unknown_without_replies()
    {
        Expect("unknown", null, Check("over-automation", Posts(1)));
        Expect("unknown", null, Check("negative-tone", Posts(1)));
    }

    [Theory]
    [InlineData(1, 1, "ok")]
    [InlineData(3, 4, "warn")]
    [InlineData(1, 4, "warn")] // 0.25 is not below 0.25
    [InlineData(1, 5, "fail")]
    public void Talk_vs_listen_is_replies_per_post(int replies, int posts, string status) =>
        Expect(status, (double)replies / posts, Check("talk-vs-listen", Replies(replies).Concat(Posts(posts))));

    [Fact]
    public void Talk_vs_listen_is_unknown_without_posts() => Expect("unknown", null, Check("talk-vs-listen", Replies(3)));

    [Theory]
    [InlineData(1, 50, "ok")]   // 0.02
    [InlineData(1, 49, "warn")]
    [InlineData(1, 10, "warn")] // 0.1
    [InlineData(2, 10, "fail")]
    public void Negative_tone_is_the_share_of_replies_below_minus_0_3(int negative, int replies, string status) =>
        Expect(status, (double)negative / replies, Check("negative-tone", Replies(replies, negative: negative)));

    [Theory]
    [InlineData(2, "ok")]
    [InlineData(3, "warn")]
    [InlineData(5, "warn")]
    [InlineData(6, "fail")]
    public void Repeated_content_is_the_most_one_content_hash_was_posted_on_one_platform(int times, string status)
    {
        var posts = Enumerable.Range(0, times).Select(i => Post(10 + i, "x", hash: "same"))
            .Concat([Post(30, "tiktok", hash: "same"), Post(31, "linkedin", hash: "same")]); // other platforms do not add up
        Expect(status, times, Check("repeated-content", posts));
    }

    [Fact]
    public void Content_checks_are_unknown_without_a_content_hash()
    {
        Expect("unknown", null, Check("repeated-content", Posts(3)));
        Expect("unknown", null, Check("same-everywhere", Posts(3)));
    }

    [Theory]
    [InlineData(1, 2, "ok")]   // 0.5
    [InlineData(2, 3, "warn")]
    [InlineData(4, 5, "warn")] // 0.8
    [InlineData(5, 5, "fail")]
    public void Same_everywhere_is_the_share_of_content_hashes_posted_on_three_or_more_platforms(int everywhere, int hashes, string status)
    {
        var posts = Enumerable.Range(0, hashes).SelectMany(h => (h < everywhere ? new[] { "x", "tiktok", "linkedin" } : new[] { "x", "tiktok" })
            .Select(platform => Post(10 + h, platform, hash: $"h{h}")));
        Expect(status, (double)everywhere / hashes, Check("same-everywhere", posts));
    }

    private static IEnumerable<EngagementEvent> Audience(int vanity, int total) => Enumerable.Range(0, total).Select(i => i < vanity
        ? Make("like", Id("l"), 10, new { platform = "x", actor = $"m{i}" })
        : Make("comment", Id("c"), 10, new { platform = "x", actor = $"m{i}" }));

    [Theory]
    [InlineData(4, 5, "ok")]    // 0.8
    [InlineData(5, 6, "warn")]
    [InlineData(19, 20, "warn")] // 0.95
    [InlineData(20, 20, "fail")]
    public void Vanity_audience_is_the_share_of_members_who_only_liked_or_followed(int vanity, int members, string status) =>
        Expect(status, (double)vanity / members, Check("vanity-audience", Audience(vanity, members)));

    [Fact]
    public void Vanity_audience_is_unknown_without_members() => Expect("unknown", null, Check("vanity-audience", Posts(1)));

    private static EngagementEvent Cost(decimal amount, string category) => Make("cost", Id("k"), 20, new { amount, category });

    [Fact]
    public void Roi_unmeasurable_fails_without_cost_events_in_the_window()
    {
        Expect("fail", 0, Check("roi-unmeasurable", [Make("cost", "old", -1, new { amount = 10, category = "ads" })]));
        Expect("ok", 1, Check("roi-unmeasurable", [Cost(10, "ads")]));
    }

    [Theory]
    [InlineData(10, "ok")]    // 0.1
    [InlineData(9.99, "warn")]
    [InlineData(0.01, "warn")]
    [InlineData(0, "fail")]
    public void Hidden_costs_is_the_share_of_staff_and_content_in_the_costs(double staffAndContent, string status)
    {
        var share = (decimal)staffAndContent;
        var costs = new[] { Cost(share / 2, "staff"), Cost(share / 2, "content"), Cost(100 - share, "ads") };
        Expect(status, staffAndContent / 100, Check("hidden-costs", costs));
    }

    [Fact]
    public void Hidden_costs_is_unknown_when_costs_add_up_to_zero() =>
        Expect("unknown", null, Check("hidden-costs", [Cost(0, "ads")]));

    [Theory]
    [InlineData(1, 2, "ok")]  // 0.5
    [InlineData(2, 5, "warn")]
    [InlineData(1, 5, "warn")] // 0.2
    [InlineData(0, 5, "fail")]
    public void Owned_assets_is_the_share_of_clicks_on_owned_assets(int owned, int clicks, string status) =>
        Expect(status, (double)owned / clicks, Check("owned-assets",
            Enumerable.Range(0, clicks).Select(i => Make("click", Id("k"), 10, new { platform = "x", actor = "ann", owned = i < owned }))));

    [Fact]
    public void Owned_assets_is_unknown_without_clicks() => Expect("unknown", null, Check("owned-assets", Posts(1)));

    [Fact]
    public void Every_check_of_the_spec_is_evaluated_in_its_order_with_its_thresholds()
    {
        var checks = HealthChecks.Evaluate(new AccountHistory().Index, [], AsOf);
        Assert.Equal(
            ["no-goals", "posting-consistency", "posting-decay", "over-posting", "self-promotion", "response-rate", "response-time",
             "ignored-complaints", "over-automation", "talk-vs-listen", "negative-tone", "repeated-content", "same-everywhere",
             "vanity-audience", "roi-unmeasurable", "hidden-costs", "owned-assets"],
            checks.Select(c => c.Id));
        Assert.Equal(new HealthThreshold(0.9, 0.65), checks.Single(c => c.Id == "response-rate").Threshold);
        Assert.Equal(new HealthThreshold(0.1, 0), checks.Single(c => c.Id == "hidden-costs").Threshold);
        Assert.Equal(["fail", "fail"], checks.Where(c => c.Id is "no-goals" or "roi-unmeasurable").Select(c => c.Status));
    }
}
