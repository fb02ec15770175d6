using System.Runtime.CompilerServices;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Analytics;

/// <summary>A row placed by its instant, in ticks.</summary>
public interface ITimedRow
{
    long At { get; }
}

/// <summary>
/// Rows of plain values ordered by instant, in blocks of at most <see cref="BlockSize"/>, so that a
/// query reads a range as a few runs of contiguous memory, and a late row moves one block's rows,
/// not the whole history's (as <see cref="OrderedEvents"/> does for events).
/// </summary>
public sealed class TimedRows<TRow> where TRow : struct, ITimedRow
{
    // At most 2,048 rows, fewer for wide rows: a block's array (one row over) stays under the 85,000
    // bytes from which .NET puts an array on the large object heap, which is collected only with
    // the whole heap and never compacted. Inbound rows (48 bytes) made blocks of 98 KB there.
    private static readonly int BlockSize = Math.Min(2_048, (84_000 / Unsafe.SizeOf<TRow>()) - 1);
    // Most accounts are small, and a kind of row may stay rare (refunds, costs): a block at full size
    // would hold up to 84 KB of empty rows for each kind in every account, and the newest block of
    // each kind is part full. So a block grows as its rows come.
    private const int FirstBlockRows = 16;

    private readonly List<Block> _blocks = [];
    private readonly Comparison<TRow>? _sameInstant;

    /// <param name="sameInstant">How rows at the same instant are ordered; without it, in the order they were added.</param>
    public TimedRows(Comparison<TRow>? sameInstant = null) => _sameInstant = sameInstant;

    /// <summary>Adds a row after every row that comes before it or ties with it.</summary>
    public void Add(TRow row)
    {
        if (_blocks.Count == 0 || !IsAfter(_blocks[^1].Last, row))
        {
            if (_blocks.Count == 0 || _blocks[^1].Count == BlockSize) _blocks.Add(new Block(FirstBlockRows));
            _blocks[^1].Append(row);
            return;
        }
        var index = BlockAfter(row); // there is one: the last block's last row is after this one
        var block = _blocks[index];
        block.Insert(FirstAfter(block, row), row);
        if (block.Count > BlockSize) _blocks.Insert(index + 1, block.SplitOff());
    }

    /// <summary>The rows with an instant in the range, as runs of contiguous rows in order.</summary>
    public IEnumerable<ReadOnlyMemory<TRow>> In(TimeRange range) => Between(range.From.UtcTicks, range.To.UtcTicks);

    /// <summary>The rows with an instant in [from, to), in ticks, as runs of contiguous rows in order.</summary>
    public IEnumerable<ReadOnlyMemory<TRow>> Between(long from, long to)
    {
        for (var index = BlockAtOrAfter(from); index < _blocks.Count; index++)
        {
            var block = _blocks[index];
            var start = block.FirstAtOrAfter(from);
            var end = block.FirstAtOrAfter(to);
            if (end > start) yield return block.Rows.AsMemory(start, end - start);
            if (end < block.Count) yield break;
        }
    }

    /// <summary>The row at an instant that matches, to change in place (an answer, a refund's purchase, learnt later).</summary>
    public ref TRow RowAt(long at, Func<TRow, bool> matches)
    {
        for (var index = BlockAtOrAfter(at); index < _blocks.Count; index++)
        {
            var block = _blocks[index];
            for (var i = block.FirstAtOrAfter(at); i < block.Count && block.Rows[i].At == at; i++)
            {
                if (matches(block.Rows[i])) return ref block.Rows[i];
            }
            if (block.Last.At > at) break;
        }
        throw new KeyNotFoundException($"no row at {at} ticks matches");
    }

    // The first block whose last row is at or after the instant (Count when none is).
    private int BlockAtOrAfter(long at)
    {
        int low = 0, high = _blocks.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_blocks[middle].Last.At < at) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private bool IsAfter(in TRow row, in TRow other) =>
        row.At > other.At || (row.At == other.At && _sameInstant is not null && _sameInstant(row, other) > 0);

    // The first block whose last row is after the row (Count when none is).
    private int BlockAfter(in TRow row)
    {
        int low = 0, high = _blocks.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (!IsAfter(_blocks[middle].Last, row)) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    // The place in a block of the first row after the row (the block's Count when none is).
    private int FirstAfter(Block block, in TRow row)
    {
        int low = 0, high = block.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (!IsAfter(block.Rows[middle], row)) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private sealed class Block(int capacity)
    {
        public TRow[] Rows = new TRow[capacity];
        public int Count;

        public TRow Last => Rows[Count - 1];

        public void Append(TRow row)
        {
            MakeRoom();
            Rows[Count++] = row;
        }

        public void Insert(int place, TRow row)
        {
            MakeRoom();
            Array.Copy(Rows, place, Rows, place + 1, Count - place);
            Rows[place] = row;
            Count++;
        }

        public Block SplitOff()
        {
            var half = Count / 2;
            var upper = new Block(BlockSize + 1) { Count = Count - half };
            Array.Copy(Rows, half, upper.Rows, 0, upper.Count);
            Array.Clear(Rows, half, Count - half);
            Count = half;
            return upper;
        }

        // Up to one row over BlockSize: a late row may fill a block before it is split.
        private void MakeRoom()
        {
            if (Count == Rows.Length) Array.Resize(ref Rows, Math.Min(2 * Rows.Length, BlockSize + 1));
        }

        public int FirstAtOrAfter(long at)
        {
            int low = 0, high = Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (Rows[middle].At < at) low = middle + 1;
                else high = middle;
            }
            return low;
        }
    }
}
