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
    private EngagementEvent[] _events = null!; // the history's events as its indexes hold them, names shared
    private TimeRange _quarter, _year;
    private IEnumerator<EngagementEvent> _feed = null!;
    private int _redefinitions;

    [Params(100_000, 1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _history = SyntheticAccount.History("bench", Events);
        _quarter = new TimeRange(Start.AddDays(200), Start.AddDays(290));
        _year = new TimeRange(Start, Start.AddDays(365));
        _events = Enum.GetValues<EventType>().SelectMany(type => _history.Index.InRange(_year, type)).ToArray(); // built once, as at an activation
        _feed = SyntheticAccount.LiveFeed("bench", Events, Start.AddDays(212)).GetEnumerator();
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

    /// <summary>
    /// Index updates: 100 events of a live feed (every type, new posts among them) added in place,
    /// inside the year, as target 3's feed sends them. The account grows by what this adds.
    /// </summary>
    [Benchmark]
    public int Add_100_live_events_to_the_indexes()
    {
        for (var i = 0; i < 100; i++)
        {
            _feed.MoveNext();
            _history.Add(_feed.Current);
        }
        return _history.Count;
    }

    /// <summary>
    /// Attribution afresh: before each iteration a post event earlier than its post's defining one
    /// arrives, which makes every remembered credit be computed again (credits name their post's
    /// platform and campaign), so this funnel attributes each of the quarter's conversions.
    /// </summary>
    [IterationSetup(Target = nameof(Funnel_by_post_over_90_days_attributed_afresh))]
    public void RedefineAPost() => _history.Add(new EngagementEvent
    {
        Id = $"redefine-{_redefinitions++}", Account = "bench", Type = EventType.Post, At = Start.AddSeconds(-_redefinitions),
        Platform = "linkedin", Post = "p0",
    });

    [Benchmark, InvocationCount(1)]
    public IReadOnlyList<FunnelRow> Funnel_by_post_over_90_days_attributed_afresh() =>
        Funnel.Compute(_history.Index, new Attribution(_history.Index, _settings, AttributionModel.Linear), _settings, _quarter, FunnelDimension.Post);

    /// <summary>What an activation pays once, before its first answer; ingest then updates the indexes in place.</summary>
    [Benchmark]
    public HistoryIndex Build_indexes() => new(_events);
}
