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
        var costs = CostCategoryNames.All.ToDictionary(c => c, _ => 0m);
        foreach (var e in index.InRange(range, EventType.Purchase).Concat(index.InRange(range, EventType.Refund)).Concat(index.InRange(range, EventType.Cost)))
        {
            switch (e.Type)
            {
                case EventType.Purchase:
                    revenue += e.Amount!.Value;
                    if (attribution.IsSocial(e)) social += e.Amount.Value;
                    break;
                case EventType.Refund:
                    revenue -= e.Amount!.Value;
                    // A refund of a social purchase takes back social revenue; an unknown purchase's is direct.
                    if (attribution.RefundedPurchase(e) is { } purchase && attribution.IsSocial(purchase))
                        social -= e.Amount.Value;
                    break;
                case EventType.Cost:
                    costs[e.Category!.Value] += e.Amount!.Value;
                    break;
            }
        }
        var cost = costs.Values.Sum();
        var newCustomers = NewCustomersIn(index, range);
        return new MoneyFigures(revenue, social, cost, costs,
            Roi: RoiOf(social, settings.Margin, cost),
            newCustomers,
            Cac: newCustomers == 0 ? null : cost / newCustomers);
    }

    /// <summary>SPEC §6: (attributedRevenue × margin − cost) / cost, a ratio; null when cost is 0.</summary>
    public static decimal? RoiOf(decimal attributedRevenue, decimal margin, decimal cost) =>
        cost == 0 ? null : (attributedRevenue * margin - cost) / cost;

    /// <summary>SPEC §6: identities whose first purchase ever lies in the range.</summary>
    private static int NewCustomersIn(HistoryIndex index, TimeRange range) => index.FirstPurchases.Values.Count(range.Contains);
}
