namespace SocialRoi.Domain.Audience;

/// <summary>
/// A list kept in a member's row: its array grows by doubling from one item, without a list object
/// around it. Most members have a handful of events, where a List's object and its first four
/// places cost more than the events themselves.
/// </summary>
internal struct ShortList<T>
{
    private T[]? _items;
    private int _count;

    public readonly int Count => _count;

    public readonly ReadOnlyMemory<T> Items => new(_items, 0, _count);

    public void Insert(int at, T item)
    {
        if (_count == (_items?.Length ?? 0)) Array.Resize(ref _items, Math.Max(1, _count * 2));
        Array.Copy(_items!, at, _items!, at + 1, _count - at);
        _items![at] = item;
        _count++;
    }

    /// <summary>Room for exactly this many more items, allocated at once.</summary>
    public void MakeRoom(int more)
    {
        if (_count + more > (_items?.Length ?? 0)) Array.Resize(ref _items, _count + more);
    }
}
