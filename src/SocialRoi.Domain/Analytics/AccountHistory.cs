using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Analytics;

/// <summary>
/// The set of accepted events of one account. Every figure is a function of this set alone
/// (SPEC §1 order independence), so arrival order is never kept.
/// </summary>
public sealed class AccountHistory
{
    private readonly Dictionary<string, EngagementEvent> _byId = new(StringComparer.Ordinal);
    private HistoryIndex? _index;

    public int Count => _byId.Count;

    public bool HasMoneyEvents { get; private set; }

    /// <summary>Adds an event whose id is new to this account.</summary>
    public void Add(EngagementEvent e)
    {
        _byId.Add(e.Id, e);
        HasMoneyEvents |= e.Type.IsMoney();
        _index?.Add(e); // built once, then kept up to date: no query pays for a rebuild
    }

    /// <summary>Indexes over the whole set: built at the first query, then updated by every Add.</summary>
    public HistoryIndex Index => _index ??= new HistoryIndex(_byId.Values);
}
