using System.Globalization;
using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Analytics;

public enum RoiInterval { Quarter, Month }

/// <summary>Cost per category, all six always present (0 when none).</summary>
public sealed record CostByCategory(decimal Ads, decimal Staff, decimal Tools, decimal Agency, decimal Content, decimal Other)
{
    public static CostByCategory From(IReadOnlyDictionary<CostCategory, decimal> costs) => new(
        costs[CostCategory.Ads], costs[CostCategory.Staff], costs[CostCategory.Tools],
        costs[CostCategory.Agency], costs[CostCategory.Content], costs[CostCategory.Other]);
}

/// <summary>SPEC §7: one period of the ROI report; start and end are the part of the period inside the query range.</summary>
public sealed record RoiRow(
    string Period,
    DateTimeOffset Start,
    DateTimeOffset End,
    decimal Cost,
    CostByCategory CostByCategory,
    decimal Revenue,
    decimal AttributedRevenue,
    decimal? Roi,
    int NewCustomers,
    decimal? Cac);

public static class RoiPeriods
{
    public static IReadOnlyList<RoiRow> Compute(
        HistoryIndex index, Attribution attribution, AccountSettings settings, TimeRange range, RoiInterval interval)
    {
        var rows = new List<RoiRow>();
        for (var periodStart = PeriodStart(range.From, interval); periodStart < range.To; periodStart = Next(periodStart, interval))
        {
            var part = new TimeRange(Max(periodStart, range.From), Min(Next(periodStart, interval), range.To));
            var money = MoneyFigures.Measure(index, attribution, settings, part);
            rows.Add(new RoiRow(Label(periodStart, interval), part.From, part.To, money.Cost, CostByCategory.From(money.CostByCategory),
                money.Revenue, money.AttributedRevenue, money.Roi, money.NewCustomers, money.Cac));
        }
        return rows;
    }

    /// <summary>2026Q3 for a quarter, 2026-07 for a month.</summary>
    public static string Label(DateTimeOffset periodStart, RoiInterval interval) => interval == RoiInterval.Quarter
        ? Quarter.Containing(periodStart).ToString()
        : periodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateTimeOffset PeriodStart(DateTimeOffset instant, RoiInterval interval)
    {
        var month = interval == RoiInterval.Quarter ? (instant.Month - 1) / 3 * 3 + 1 : instant.Month;
        return new DateTimeOffset(instant.Year, month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    private static DateTimeOffset Next(DateTimeOffset periodStart, RoiInterval interval) =>
        CalendarEdges.MonthsAfter(periodStart, interval == RoiInterval.Quarter ? 3 : 1);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
