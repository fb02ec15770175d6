using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Analytics;

/// <summary>
/// The set of accepted events of one account. Every figure is a function of this set alone
/// (SPEC §1 order independence), so arrival order is never kept.
/// </summary>
public sealed class AccountHistory
{
    // Names repeat across events (the account, platforms, each member's actor, posts, campaigns):
    // one copy of each is kept, since a busy account holds millions of events in memory.
    private readonly NamePool _names;
    private List<EngagementEvent>? _unindexed = [];
    private HistoryIndex? _index;

    public AccountHistory() : this(new NamePool()) { }

    private AccountHistory(NamePool names) => _names = names;

    /// <summary>
    /// An account's history as its log holds it, read with <paramref name="names"/>: each name
    /// already has its one copy there, and sharing a million events' names again took ~0.2 s of
    /// every activation of a million-event account.
    /// </summary>
    public static AccountHistory FromLog(IEnumerable<EngagementEvent> events, NamePool names)
    {
        var history = new AccountHistory(names);
        foreach (var e in events)
        {
            e.SharePairOfSharedNames(names); // a reader reuses pairs on its own thread only: the account keeps one of each
            history.Keep(e);
        }
        return history;
    }

    public int Count { get; private set; }

    /// <summary>Every event, in no particular order.</summary>
    public IReadOnlyCollection<EngagementEvent> Events => _index is null ? _unindexed! : new IndexedEvents(_index.Events, Count);

    public bool HasMoneyEvents { get; private set; }

    /// <summary>Adds an event whose id is new to this account; the event takes this account's copy of each of its names.</summary>
    public void Add(EngagementEvent e)
    {
        e.ShareNames(_names);
        Keep(e);
    }

    private void Keep(EngagementEvent e)
    {
        Count++;
        HasMoneyEvents |= e.Type.IsMoney();
        if (_index is not null) _index.Add(e); // built once, then kept up to date: no query pays for a rebuild
        else _unindexed!.Add(e);
    }

    /// <summary>Indexes over the whole set: built at the first query, then updated by every Add.</summary>
    public HistoryIndex Index
    {
        get
        {
            if (_index is null)
            {
                _index = new HistoryIndex(_unindexed!);
                _unindexed = null; // the index holds every event from here on
            }
            return _index;
        }
    }

    private sealed class IndexedEvents(IEnumerable<EngagementEvent> events, int count) : IReadOnlyCollection<EngagementEvent>
    {
        public int Count => count;

        public IEnumerator<EngagementEvent> GetEnumerator() => events.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
