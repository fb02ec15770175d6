using System.Text;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Time;
using static SocialRoi.Domain.Tests.Ev;

namespace SocialRoi.Domain.Tests;

/// <summary>SPEC §1: strings compare ordinally, in the byte order of their UTF-8, wherever the contract orders by them.</summary>
public class Utf8OrderTests
{
    // U+FF01 (full-width "!") is EF BC 81 in UTF-8, U+1F600 (an emoji) F0 9F 98 80: the emoji comes
    // after. In UTF-16 the emoji's first code unit, D83D, is below FF01, so .NET's ordinal order has it first.
    private const string FullWidth = "\uFF01";
    private const string Emoji = "\U0001F600";

    private static readonly TimeRange July = new(Day0, Day0.AddDays(31));

    [Fact]
    public void Strings_compare_as_their_UTF8_bytes_do()
    {
        string[] strings = ["", "a", "ab", "b", "\u00E9", "\u07FF", "\u0800", "\uD7FF", "\uE000", FullWidth, "\uFFFF",
            "\U00010000", Emoji, "\U0001F601", "a" + Emoji, "a" + FullWidth, Emoji + "b", "\U0010FFFF"];
        foreach (var a in strings)
        {
            foreach (var b in strings)
            {
                var bytes = Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
                Assert.True(Math.Sign(bytes) == Math.Sign(Utf8Order.Compare(a, b)), $"{Escaped(a)} against {Escaped(b)}");
            }
        }
    }

    [Fact]
    public void Funnel_rows_are_ordered_by_key_in_UTF8_byte_order()
    {
        var index = new HistoryIndex(
        [
            Make("like", "l1", 1, new { platform = "x", actor = "ann", post = Emoji }),
            Make("like", "l2", 1, new { platform = "x", actor = "ann", post = FullWidth }),
            Make("like", "l3", 1, new { platform = "x", actor = "ann", post = "plain" }),
        ]);
        var rows = Funnel.Compute(index, new Attribution(index, new(), AttributionModel.LastTouch), new(), July, FunnelDimension.Post);
        Assert.Equal(["plain", FullWidth, Emoji], rows.Select(row => row.Key));
    }

    [Fact]
    public void Audience_pages_list_members_in_UTF8_byte_order_of_their_actors()
    {
        var index = new HistoryIndex(
        [
            Make("like", "l1", 1, new { platform = "x", actor = Emoji }),
            Make("like", "l2", 1, new { platform = "x", actor = FullWidth }),
            Make("like", "l3", 1, new { platform = "x", actor = "ann" }),
        ]);
        var first = AudienceList.Page(index, new AudienceQuery(July, null, null, 2, null));
        Assert.Equal(["ann", FullWidth], first.Items.Select(member => member.Actor));
        var next = AudienceList.Page(index, new AudienceQuery(July, null, null, 2, AudienceList.ParseCursor(first.Next!)));
        Assert.Equal([Emoji], next.Items.Select(member => member.Actor));
    }

    [Fact]
    public void A_members_customer_is_the_smallest_linked_id_in_UTF8_byte_order()
    {
        var index = new HistoryIndex(
        [
            Make("identify", "i1", 1, new { platform = "x", actor = "ann", customer = Emoji }),
            Make("identify", "i2", 1, new { platform = "x", actor = "ann", customer = FullWidth }),
            Make("like", "l1", 2, new { platform = "x", actor = "ann" }),
        ]);
        Assert.Equal(FullWidth, AudienceList.Page(index, new AudienceQuery(July, null, null, 10, null)).Items.Single().Customer);
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => $"\\u{(int)c:X4}"));
}
