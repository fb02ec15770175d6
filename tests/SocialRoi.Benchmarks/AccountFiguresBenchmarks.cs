using BenchmarkDotNet.Attributes;
using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Benchmarks;

/// <summary>
/// How fast one account grain answers arbitrary ranges from memory: a busy account with a year of
/// events (every type), queried over 90 days and over the whole year.
/// </summary>
[MemoryDiagnoser]
public class AccountFiguresBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly AccountSettings _settings = new();
    private AccountHistory _history = null!;
    private TimeRange _quarter, _year;

    [Params(100_000, 1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _history = Synthetic(Events);
        _quarter = new TimeRange(Start.AddDays(200), Start.AddDays(290));
        _year = new TimeRange(Start, Start.AddDays(365));
        _ = _history.Index; // built once, as after the first query following an ingest
    }

    [Benchmark]
    public AccountSummary Summary_over_90_days() => AccountSummary.Compute("bench", _history, _settings, _quarter, AttributionModel.LastTouch);

    [Benchmark]
    public AccountSummary Summary_over_a_year_time_decay() => AccountSummary.Compute("bench", _history, _settings, _year, AttributionModel.TimeDecay);

    [Benchmark]
    public IReadOnlyList<FunnelRow> Funnel_by_post_over_90_days_linear() =>
        Funnel.Compute(_history.Index, new Attribution(_history.Index, _settings, AttributionModel.Linear), _settings, _quarter, FunnelDimension.Post);

    [Benchmark]
    public AudiencePage Audience_first_page() =>
        AudienceList.Page(_history.Index, new AudienceQuery(_quarter, null, null, AudienceQuery.DefaultLimit, null));

    /// <summary>The cost paid once after each ingest batch, before the next query.</summary>
    [Benchmark]
    public HistoryIndex Rebuild_indexes() => new(_history.Index.Ordered);

    private static AccountHistory Synthetic(int count)
    {
        var random = new Random(42);
        var history = new AccountHistory();
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
            history.Add(roll switch
            {
                < 2 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Post, At = at, Platform = platform, Post = post, Promotional = false, Campaign = $"c{random.Next(6)}" },
                < 12 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Impression, At = at, Platform = platform, Post = post, Count = random.Next(1, 900) },
                < 50 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Like, At = at, Platform = platform, Actor = actor, Post = post },
                < 60 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Follow, At = at, Platform = platform, Actor = actor },
                < 70 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Comment, At = at, Platform = platform, Actor = actor, Post = post },
                < 78 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Click, At = at, Platform = platform, Actor = actor, Post = post, Owned = true },
                < 84 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Reply, At = at, Platform = platform, Ref = $"e{random.Next(Math.Max(1, i))}", Automated = false },
                < 88 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Message, At = at, Platform = platform, Actor = actor },
                < 92 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Lead, At = at, Platform = platform, Actor = actor },
                < 96 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Purchase, At = at, Platform = platform, Actor = actor, Amount = random.Next(100, 20_000) / 100m },
                < 97 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Refund, At = at, Ref = $"e{random.Next(Math.Max(1, i))}", Amount = 5m },
                < 98 => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Identify, At = at, Platform = platform, Actor = actor, Customer = $"c{random.Next(members / 4 + 1)}" },
                _ => new EngagementEvent { Id = id, Account = "bench", Type = EventType.Cost, At = at, Amount = 250m, Category = CostCategory.Ads, Platform = platform },
            });
        }
        return history;
    }
}
