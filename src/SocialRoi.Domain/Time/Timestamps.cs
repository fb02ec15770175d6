using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialRoi.Domain.Time;

/// <summary>RFC 3339 timestamps with an offset, and the plain dates the query API allows (SPEC §1, §3).</summary>
public static partial class Timestamps
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$")]
    private static partial Regex PlainDate();

    /// <summary>Parses RFC 3339 with a mandatory offset; fractions finer than 100 ns are truncated.</summary>
    public static bool TryParseRfc3339(string text, out DateTimeOffset utc)
    {
        utc = default;
        var m = Rfc3339().Match(text);
        if (!m.Success) return false;
        int Part(int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        try
        {
            var offset = TimeSpan.Zero;
            if (!m.Groups[8].Success)
            {
                var (hours, minutes) = (Part(10), Part(11));
                if (hours > 23 || minutes > 59) return false;
                offset = new TimeSpan(hours, minutes, 0) * (m.Groups[9].Value == "-" ? -1 : 1);
            }
            var fraction = m.Groups[7].Success ? m.Groups[7].Value.PadRight(7, '0')[..7] : "0";
            var local = new DateTime(Part(1), Part(2), Part(3), Part(4), Part(5), Part(6), DateTimeKind.Unspecified)
                .AddTicks(long.Parse(fraction, CultureInfo.InvariantCulture));
            utc = new DateTimeOffset(local, offset).ToUniversalTime();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // e.g. 2026-02-30 or hour 24
        }
    }

    /// <summary>SPEC §3: query bounds are RFC 3339 or a date meaning midnight UTC.</summary>
    public static bool TryParseQueryInstant(string text, out DateTimeOffset utc)
    {
        if (TryParseRfc3339(text, out utc)) return true;
        var m = PlainDate().Match(text);
        if (m.Success && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            utc = new DateTimeOffset(date, TimeSpan.Zero);
            return true;
        }
        return false;
    }

    /// <summary>Canonical UTC form: seconds always, a fraction only when there is one.</summary>
    public static string Format(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return text + "Z";
    }
}
