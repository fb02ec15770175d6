namespace SocialRoi.Domain;

/// <summary>
/// SPEC §1: ids and other strings compare "ordinally (byte order of UTF-8)", wherever the contract
/// orders or breaks ties by them. .NET's ordinal comparison compares UTF-16 code units instead, and
/// disagrees where a character beyond U+FFFF (a surrogate pair: emoji, rarer CJK) meets one from
/// U+E000 to U+FFFF (private use, full-width forms): UTF-16 puts the pair first, UTF-8 last.
/// </summary>
public static class Utf8Order
{
    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    public static int Compare(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var common = a.AsSpan().CommonPrefixLength(b);
        if (common == a.Length || common == b.Length) return a.Length - b.Length;
        int x = a[common], y = b[common];
        // Below U+D800 code units order as UTF-8 does; from there, surrogates belong above U+E000–U+FFFF.
        if (x >= 0xD800 && y >= 0xD800) (x, y) = (Rank(x), Rank(y));
        return x - y;
    }

    private static int Rank(int unit) => unit >= 0xE000 ? unit - 0x800 : unit + 0x2000;
}
