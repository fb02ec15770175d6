using System.Runtime.InteropServices;
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
    private readonly List<int> _byName = []; // the numbers of the names ranked so far, in ordinal order of the names
    private readonly List<int> _ranks = [];  // each ranked name's place in that order, by number

    public int Count => _names.Count;

    public string this[int slot] => _names[slot];

    /// <summary>The number of a name met before; <see cref="None"/> for no name.</summary>
    public int SlotOf(string? name) => name is null ? None : _slots[name];

    /// <summary>
    /// Each name's place in ordinal order (SPEC §1: the byte order of UTF-8), by number: funnel rows
    /// are sorted by name, and ranking every name once is cheaper than comparing names per query.
    /// Names met since the last call are put in their places among the ranked ones: a live feed's
    /// new post re-sorted all ~25,000 names of a million-event account, half of the next funnel's time.
    /// </summary>
    public IReadOnlyList<int> OrdinalRanks()
    {
        var ranked = _byName.Count;
        if (ranked == _names.Count) return _ranks;
        var added = Enumerable.Range(ranked, _names.Count - ranked).ToArray();
        Array.Sort(added, (a, b) => Utf8Order.Compare(_names[a], _names[b]));
        CollectionsMarshal.SetCount(_byName, _names.Count);
        var byName = CollectionsMarshal.AsSpan(_byName);
        // From the last new name back: the ranked names after its place move up to make room for it.
        for (int next = added.Length - 1, old = ranked, end = byName.Length; next >= 0; next--)
        {
            var place = FirstAfter(byName[..old], _names[added[next]]);
            var moving = old - place;
            byName.Slice(place, moving).CopyTo(byName.Slice(end - moving, moving));
            end -= moving + 1;
            byName[end] = added[next];
            old = place;
        }
        CollectionsMarshal.SetCount(_ranks, _names.Count);
        var ranks = CollectionsMarshal.AsSpan(_ranks);
        for (var rank = 0; rank < byName.Length; rank++) ranks[byName[rank]] = rank;
        return _ranks;
    }

    // The place of the first name in ordinal order that comes after this one (names are distinct).
    private int FirstAfter(ReadOnlySpan<int> byName, string name)
    {
        int low = 0, high = byName.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Utf8Order.Compare(_names[byName[middle]], name) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
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
