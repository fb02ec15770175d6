using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Analytics;

/// <summary>
/// The names a funnel row can be keyed by (posts, platforms, campaigns), each numbered once as
/// ingest meets it: the funnel tallies a quarter's ~250,000 events into rows found by number,
/// where finding each row by its name took a hash of the name per event.
/// </summary>
public sealed class FunnelNames
{
    public const int None = -1;

    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private int[]? _ranks;

    public int Count => _names.Count;

    public string this[int slot] => _names[slot];

    /// <summary>The number of a name met before; <see cref="None"/> for no name.</summary>
    public int SlotOf(string? name) => name is null ? None : _slots[name];

    /// <summary>
    /// Each name's place in ordinal order, by number: funnel rows are sorted by name, and ranking
    /// every name once, again only after new ones came, is cheaper than comparing names per query.
    /// </summary>
    public IReadOnlyList<int> OrdinalRanks()
    {
        if (_ranks?.Length == _names.Count) return _ranks;
        var byName = _names.ToArray();
        var numbers = Enumerable.Range(0, byName.Length).ToArray();
        Array.Sort(byName, numbers, StringComparer.Ordinal);
        _ranks = new int[numbers.Length];
        for (var rank = 0; rank < numbers.Length; rank++) _ranks[numbers[rank]] = rank;
        return _ranks;
    }

    /// <summary>Numbers the names an event carries that a funnel row can be keyed by.</summary>
    internal FunnelKeys Enter(EngagementEvent e) => new(Enter(e.Post), Enter(e.Platform), Enter(e.Campaign));

    private int Enter(string? name)
    {
        if (name is null) return None;
        if (!_slots.TryGetValue(name, out var slot))
        {
            _slots[name] = slot = _names.Count;
            _names.Add(name);
        }
        return slot;
    }
}

/// <summary>Where the funnel counts an event: its post's, platform's and campaign's numbers in <see cref="FunnelNames"/>.</summary>
public readonly record struct FunnelKeys(int Post, int Platform, int Campaign);
