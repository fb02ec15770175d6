namespace SocialRoi.Domain.Time;

/// <summary>
/// Instants reckoned from a query's, stopping at the ends of the calendar (years 1 and 9999)
/// instead of throwing. A query may name any instant there (a BI tool's "all time" runs from
/// 0001-01-01 to 9999-12-31), and what is derived from it (the default 90 days before `to`,
/// health's window before `asOf`, the month or quarter after the last) fell off the calendar:
/// the request answered 500.
/// </summary>
public static class CalendarEdges
{
    private const int LastMonth = 9999 * 12 + 11; // December 9999, counting months from January of year 0

    /// <summary>The instant <paramref name="span"/> before <paramref name="instant"/>, or the calendar's first.</summary>
    public static DateTimeOffset Before(DateTimeOffset instant, TimeSpan span) =>
        instant.UtcTicks - DateTimeOffset.MinValue.UtcTicks < span.Ticks ? DateTimeOffset.MinValue : instant - span;

    /// <summary>The instant <paramref name="months"/> months after <paramref name="instant"/>, or the calendar's last.</summary>
    public static DateTimeOffset MonthsAfter(DateTimeOffset instant, int months) =>
        instant.Year * 12 + instant.Month - 1 + months > LastMonth ? DateTimeOffset.MaxValue : instant.AddMonths(months);
}
