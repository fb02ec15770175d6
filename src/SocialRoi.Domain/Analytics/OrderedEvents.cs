using System.Collections;
using System.Runtime.InteropServices;
using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Analytics;

/// <summary>
/// Events ordered by (at, id), held in blocks of at most <see cref="BlockSize"/>. An event that
/// arrives late, with an earlier at than the newest, is placed by moving one block's references,
/// not the whole history's: in one list, a late event into a million-event account moved ~4 MB
/// and held the account's queries up meanwhile.
/// </summary>
public sealed class OrderedEvents : IReadOnlyList<EngagementEvent>
{
    private const int BlockSize = 4_096;

    private readonly List<List<EngagementEvent>> _blocks = [];
    private readonly List<int> _starts = []; // the position of each block's first event

    public OrderedEvents()
    {
    }

    /// <param name="ordered">Events already ordered by (at, id).</param>
    public OrderedEvents(IEnumerable<EngagementEvent> ordered)
    {
        foreach (var e in ordered) Add(e);
    }

    public int Count { get; private set; }

    public EngagementEvent this[int position]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Count);
            var block = BlockHolding(position);
            return _blocks[block][position - _starts[block]];
        }
    }

    /// <summary>Adds an event where a full sort would put it: at the end when it is the newest, the usual case.</summary>
    public void Add(EngagementEvent e)
    {
        if (_blocks.Count == 0 || EngagementEvent.CompareByTime(_blocks[^1][^1], e) < 0)
        {
            // The newest: appended, into a new block when the last is full, so blocks built in order are full.
            // Each block grows as its events come: most accounts, and many types, never fill one, and the
            // newest block of a type is part full (made at full size, it held ~16 KB of empty places on average).
            if (_blocks.Count == 0 || _blocks[^1].Count == BlockSize)
            {
                _blocks.Add([]);
                _starts.Add(Count);
            }
            _blocks[^1].Add(e);
            Count++;
            return;
        }
        var block = BlockFor(e);
        var events = _blocks[block];
        TimeOrder.Insert(events, e);
        Count++;
        for (var later = block + 1; later < _starts.Count; later++) _starts[later]++;
        if (events.Count > BlockSize) Split(block);
    }

    /// <summary>The position of the first event at or after an instant (Count when there is none).</summary>
    public int FirstAtOrAfter(DateTimeOffset instant)
    {
        // The first block whose newest event is at or after the instant holds the answer, if any does.
        int low = 0, high = _blocks.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_blocks[middle][^1].At < instant) low = middle + 1;
            else high = middle;
        }
        return low == _blocks.Count ? Count : _starts[low] + TimeOrder.FirstAtOrAfter(CollectionsMarshal.AsSpan(_blocks[low]), instant);
    }

    /// <summary>The events at positions from start up to (not including) end, in order.</summary>
    public IEnumerable<EngagementEvent> Between(int start, int end)
    {
        if (start >= end) yield break;
        var block = BlockHolding(start);
        var offset = start - _starts[block];
        for (var position = start; position < end; block++, offset = 0)
        {
            var events = _blocks[block];
            for (; offset < events.Count && position < end; offset++, position++) yield return events[offset];
        }
    }

    public IEnumerator<EngagementEvent> GetEnumerator() => Between(0, Count).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The last block whose first event is not after e; the first block when e precedes them all.
    private int BlockFor(EngagementEvent e)
    {
        int low = 1, high = _blocks.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (EngagementEvent.CompareByTime(_blocks[middle][0], e) <= 0) low = middle + 1;
            else high = middle;
        }
        return low - 1;
    }

    private int BlockHolding(int position)
    {
        var found = _starts.BinarySearch(position); // blocks are never empty, so starts are distinct
        return found >= 0 ? found : ~found - 1;
    }

    private void Split(int block)
    {
        var events = _blocks[block];
        var half = events.Count / 2;
        var upper = events.GetRange(half, events.Count - half);
        events.RemoveRange(half, events.Count - half);
        events.Capacity = BlockSize; // it grew past BlockSize by one event; half of it is empty now
        _blocks.Insert(block + 1, upper);
        _starts.Insert(block + 1, _starts[block] + half);
    }
}
