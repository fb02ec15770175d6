using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Analytics;

/// <summary>SPEC §4 and §6: revenue split social/direct, full costs, ROI and acquisition cost over a range.</summary>
public sealed record MoneyFigures(
    decimal Revenue,
    decimal AttributedRevenue,
    decimal Cost,
    IReadOnlyDictionary<CostCategory, decimal> CostByCategory,
    decimal? Roi,
    int NewCustomers,
    decimal? Cac)
{
    public decimal DirectRevenue => Revenue - AttributedRevenue;

    public static MoneyFigures Measure(HistoryIndex index, Attribution attribution, AccountSettings settings, TimeRange range)
    {
        decimal revenue = 0, social = 0;
        foreach (var run in index.PurchasesAndRefundsIn(range))
        {
            foreach (var e in run.Span)
            {
                if (e.Type == EventType.Purchase)
                {
                    revenue += e.Amount;
                    if (attribution.CreditsFor(e).Length > 0) social += e.Amount;
                }
                else
                {
                    revenue -= e.Amount;
                    // A refund of a social purchase takes back social revenue; an unknown purchase's is direct.
                    if (attribution.CreditsTakenBackBy(e).Length > 0) social -= e.Amount;
                }
            }
        }
        var costs = CostsByCategory(index, range);
        var cost = costs.Values.Sum();
        var newCustomers = NewCustomersIn(index, range);
        return new MoneyFigures(revenue, social, cost, costs,
            Roi: RoiOf(social, settings.Margin, cost),
            newCustomers,
            Cac: newCustomers == 0 ? null : cost / newCustomers);
    }

    /// <summary>SPEC §6: the costs with at in the range, by category (every category present, 0 when none).</summary>
    public static Dictionary<CostCategory, decimal> CostsByCategory(HistoryIndex index, TimeRange range)
    {
        var costs = CostCategoryNames.All.ToDictionary(c => c, _ => 0m);
        foreach (var run in index.FunnelCostsIn(range))
        {
            foreach (var e in run.Span) costs[e.Category] += e.Amount;
        }
        return costs;
    }

    /// <summary>SPEC §6: (attributedRevenue × margin − cost) / cost, a ratio; null when cost is 0.</summary>
    public static decimal? RoiOf(decimal attributedRevenue, decimal margin, decimal cost) =>
        cost == 0 ? null : (attributedRevenue * margin - cost) / cost;

    /// <summary>SPEC §6: identities whose first purchase ever lies in the range.</summary>
    private static int NewCustomersIn(HistoryIndex index, TimeRange range) => index.FirstPurchases.Values.Count(range.Contains);
}
