using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialRoi.Domain.Time;

/// <summary>SPEC §3: a calendar quarter in UTC, written 2026Q3 = [2026-07-01, 2026-10-01).</summary>
public readonly partial record struct Quarter(int Year, int Number)
{
    [GeneratedRegex(@"^(\d{4})Q([1-4])$")] private static partial Regex Pattern();

    public DateTimeOffset Start => new(Year, (Number - 1) * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset End => CalendarEdges.MonthsAfter(Start, 3);

    public TimeRange Range => new(Start, End);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public override string ToString() => $"{Year:D4}Q{Number}";

    public static Quarter Containing(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new Quarter(utc.Year, (utc.Month - 1) / 3 + 1);
    }

    /// <summary>Reads 2026Q3; years before 2000 hold no events (SPEC §1) and are refused.</summary>
    public static bool TryParse(string text, out Quarter quarter)
    {
        var match = Pattern().Match(text);
        var year = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        quarter = year >= 2000 ? new Quarter(year, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) : default;
        return year >= 2000;
    }
}
