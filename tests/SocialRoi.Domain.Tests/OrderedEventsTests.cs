using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using static SocialRoi.Domain.Tests.Ev;

namespace SocialRoi.Domain.Tests;

/// <summary>Events added in any order read back as a full sort by (at, id) would order them, across many blocks.</summary>
public class OrderedEventsTests
{
    [Theory]
    [InlineData(1, 20_000, false)]
    [InlineData(2, 20_000, true)]
    [InlineData(3, 3, false)]
    public void Events_added_in_any_order_read_back_sorted(int seed, int size, bool mostlyInOrder)
    {
        var random = new Random(seed);
        // Few distinct instants, so many events tie on at and are ordered by id.
        var events = Enumerable.Range(0, size).Select(i => Make("like", $"e{i}", mostlyInOrder && random.Next(10) > 0 ? i / 200.0 : random.Next(0, 480) / 4.0,
            new { platform = "x", actor = "ann" })).ToList();
        var ordered = new OrderedEvents();
        foreach (var e in events) ordered.Add(e);

        var expected = events.Order(Comparer<EngagementEvent>.Create(EngagementEvent.CompareByTime)).ToList();
        Assert.Equal(expected.Count, ordered.Count);
        Assert.Equal(expected, ordered);
        for (var i = 0; i < expected.Count; i += 97) Assert.Same(expected[i], ordered[i]);
        Assert.Same(expected[^1], ordered[^1]);
        foreach (var day in new[] { -1.0, 0, 3.25, 50, 99.75, 119.75, 120, 200 })
        {
            var instant = Day0.AddDays(day);
            var first = expected.FindIndex(e => e.At >= instant) is var found and >= 0 ? found : expected.Count;
            Assert.Equal(first, ordered.FirstAtOrAfter(instant));
        }
        var (from, to) = (size / 3, size / 3 + size / 4);
        Assert.Equal(expected.Skip(from).Take(to - from), ordered.Between(from, to));
        Assert.Empty(ordered.Between(to, from));
        Assert.Equal(expected, new OrderedEvents(expected));
    }
}
