using System.Numerics;

namespace SocialRoi.Domain.Audience;

/// <summary>
/// Finds a member's slot in the <see cref="AudienceTable"/>: a hash table of slot numbers alone,
/// open addressing, whose keys are read from the table's members by slot. A Dictionary kept a
/// second copy of each member and its hash and chain, ~56 bytes per member in all, ~11 bytes per
/// event of an account; this keeps 8–16 bytes per member.
/// </summary>
internal sealed class MemberSlots
{
    private int[] _buckets = new int[64]; // a slot + 1 each; 0 is empty
    private int _count;

    public int Count => _count;

    /// <summary>The member's slot, or -1 when it has none.</summary>
    public int Find(Member member, Member[] bySlot)
    {
        var mask = _buckets.Length - 1;
        for (var at = Home(member); ; at = (at + 1) & mask)
        {
            var slot = _buckets[at] - 1;
            if (slot < 0) return -1;
            if (bySlot[slot] == member) return slot;
        }
    }

    /// <summary>Enters the member just given the next slot, <see cref="Count"/>.</summary>
    public void Add(Member member, Member[] bySlot)
    {
        // At most half full, so a search meets an empty bucket after a probe or two.
        if ((_count + 1) * 2 > _buckets.Length)
        {
            _buckets = new int[_buckets.Length * 2];
            for (var slot = 0; slot < _count; slot++) Place(bySlot[slot], slot);
        }
        Place(member, _count++);
    }

    private void Place(Member member, int slot)
    {
        var mask = _buckets.Length - 1;
        var at = Home(member);
        while (_buckets[at] != 0) at = (at + 1) & mask;
        _buckets[at] = slot + 1;
    }

    // Fibonacci hashing: the top bits of the hash times 2^32/φ, which spreads hashes that differ only in their low bits.
    private int Home(Member member) =>
        (int)((uint)member.GetHashCode() * 0x9E3779B9u >> (32 - BitOperations.Log2((uint)_buckets.Length)));
}
