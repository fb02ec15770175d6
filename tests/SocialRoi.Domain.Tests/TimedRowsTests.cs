using SocialRoi.Domain.Analytics;

namespace SocialRoi.Domain.Tests;

/// <summary>Rows added in any order read back by instant, each range exactly, across many blocks.</summary>
public class TimedRowsTests
{
    private readonly record struct Row(long At, int Number) : ITimedRow;

    // 64 bytes: blocks of such rows hold fewer than 2,048, and not a power of two.
    private readonly record struct WideRow(long At, int Number, decimal Amount, decimal Refunded, decimal Cost) : ITimedRow;

    [Theory]
    [InlineData(1, 20_000, false)]
    [InlineData(2, 20_000, true)]
    [InlineData(3, 3, false)]
    [InlineData(6, 2_049, false)] // one row over a block: the first block grows to its limit, then splits
    public void Rows_added_in_any_order_read_back_by_instant(int seed, int size, bool mostlyInOrder)
    {
        var random = new Random(seed);
        // Few distinct instants, so many rows tie: those keep the order they were added in.
        var added = Enumerable.Range(0, size).Select(i => new Row(mostlyInOrder && random.Next(10) > 0 ? i / 50 : random.Next(0, 480), i)).ToList();
        var rows = new TimedRows<Row>();
        foreach (var row in added) rows.Add(row);

        foreach (var (from, to) in new (long, long)[] { (long.MinValue, long.MaxValue), (-5, 0), (0, 1), (3, 77), (100, 101), (479, 480), (200, 100), (480, 10_000) })
        {
            var expected = added.Where(row => row.At >= from && row.At < to).OrderBy(row => row.At).ToList(); // a stable sort
            Assert.Equal(expected, rows.Between(from, to).SelectMany(run => run.ToArray()));
        }
    }

    [Theory]
    [InlineData(7, 5_000)]
    [InlineData(8, 1_312)]
    public void Wide_rows_added_in_any_order_read_back_by_instant(int seed, int size)
    {
        var random = new Random(seed);
        var added = Enumerable.Range(0, size).Select(i => new WideRow(random.Next(0, 900), i, i, 0, 0)).ToList();
        var rows = new TimedRows<WideRow>();
        foreach (var row in added) rows.Add(row);

        var expected = added.OrderBy(row => row.At).ToList(); // a stable sort: ties keep the order they were added in
        Assert.Equal(expected, rows.Between(long.MinValue, long.MaxValue).SelectMany(run => run.ToArray()));
        Assert.Equal(expected.Where(row => row.At is >= 300 and < 301), rows.Between(300, 301).SelectMany(run => run.ToArray()));
    }

    [Theory]
    [InlineData(4, 20_000)]
    [InlineData(5, 5)]
    public void Rows_at_the_same_instant_follow_the_order_given_however_they_were_added(int seed, int size)
    {
        var random = new Random(seed);
        var added = Enumerable.Range(0, size).Select(i => new Row(random.Next(0, 40), i)).OrderBy(_ => random.Next()).ToList();
        var rows = new TimedRows<Row>((row, other) => other.Number.CompareTo(row.Number)); // ties: larger numbers first
        foreach (var row in added) rows.Add(row);

        var expected = added.OrderBy(row => row.At).ThenByDescending(row => row.Number).ToList();
        Assert.Equal(expected, rows.Between(long.MinValue, long.MaxValue).SelectMany(run => run.ToArray()));
        Assert.Equal(expected.Where(row => row.At is >= 10 and < 20), rows.Between(10, 20).SelectMany(run => run.ToArray()));
    }

    [Fact]
    public void A_funnel_fact_keeps_its_instant_post_platform_and_type_in_16_bytes()
    {
        Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<FunnelFact>()); // one row for most events of an account
        foreach (var type in Enum.GetValues<Events.EventType>())
        {
            foreach (var (post, platform) in new[] { (0, 0), (7, FunnelNames.None), (FunnelNames.None, 3), (int.MaxValue, (1 << 26) - 1) })
            {
                var fact = new FunnelFact(-42, post, platform, type);
                Assert.Equal((-42L, new FunnelKeys(post, platform, FunnelNames.None), type), (fact.At, fact.Keys, fact.Type));
            }
        }
        Assert.Throws<InvalidOperationException>(() => new FunnelFact(0, 0, 1 << 26, Events.EventType.Like));
    }
}
