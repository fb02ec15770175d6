using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialRoi.Domain.Time;

/// <summary>RFC 3339 timestamps with an offset, and the plain dates the query API allows (SPEC §1, §3).</summary>
public static partial class Timestamps
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$")]
    private static partial Regex PlainDate();

    /// <summary>
    /// Parses RFC 3339 with a mandatory offset (yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm), ASCII
    /// digits only); fractions finer than 100 ns are truncated. Read by hand, not by a pattern,
    /// because every ingested event passes through here: a pattern's match groups cost about 1.5 KB
    /// of garbage per event.
    /// </summary>
    public static bool TryParseRfc3339(ReadOnlySpan<char> s, out DateTimeOffset utc)
    {
        utc = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] | 0x20) != 't' || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)) return false;

        var at = 19;
        long fractionTicks = 0;
        if (s[at] == '.')
        {
            var digits = 0;
            for (at++; at < s.Length && char.IsAsciiDigit(s[at]); at++, digits++)
            {
                if (digits < 7) fractionTicks = fractionTicks * 10 + (s[at] - '0');
            }
            if (digits is 0 or > 9) return false;
            for (var scale = Math.Min(digits, 7); scale < 7; scale++) fractionTicks *= 10;
        }

        var offset = TimeSpan.Zero;
        var rest = s[at..];
        if (rest is not ("Z" or "z"))
        {
            if (rest.Length != 6 || rest[0] is not ('+' or '-') || rest[3] != ':'
                || !Digits(rest, 1, 2, out var offsetHours) || !Digits(rest, 4, 2, out var offsetMinutes)
                || offsetHours > 23 || offsetMinutes > 59) return false;
            offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (rest[0] == '-' ? -1 : 1);
            if (offset.Duration() > MaxOffset) return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59) return false; // e.g. 2026-02-30, hour 24, a leap second
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        var ticks = local.Ticks - offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false; // the offset moves it off the calendar
        utc = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    // The widest offset DateTimeOffset holds, and what the event API has always accepted.
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
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
        Span<byte> text = stackalloc byte[MaxLength];
        return Encoding.ASCII.GetString(text[..FormatUtf8(instant, text)]);
    }

    /// <summary>The longest canonical form: yyyy-MM-ddTHH:mm:ss.fffffffZ.</summary>
    public const int MaxLength = 28;

    /// <summary>
    /// <see cref="Format"/>'s text as ASCII bytes into <paramref name="text"/> (at least
    /// <see cref="MaxLength"/> long); returns how many were written. Digits written by hand: every
    /// ingested event's canonical JSON writes its instant, and a custom format pattern was a third
    /// of the time that took.
    /// </summary>
    public static int FormatUtf8(DateTimeOffset instant, Span<byte> text)
    {
        var utc = instant.UtcDateTime;
        Digits(text[..4], utc.Year);
        text[4] = (byte)'-';
        Digits(text[5..7], utc.Month);
        text[7] = (byte)'-';
        Digits(text[8..10], utc.Day);
        text[10] = (byte)'T';
        Digits(text[11..13], utc.Hour);
        text[13] = (byte)':';
        Digits(text[14..16], utc.Minute);
        text[16] = (byte)':';
        Digits(text[17..19], utc.Second);
        var length = 19;
        if (utc.Ticks % TimeSpan.TicksPerSecond is var fraction and not 0)
        {
            text[19] = (byte)'.';
            Digits(text[20..27], (int)fraction);
            for (length = 27; text[length - 1] == '0'; length--) { }
        }
        text[length] = (byte)'Z';
        return length + 1;
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (byte)('0' + value % 10);
    }
}
