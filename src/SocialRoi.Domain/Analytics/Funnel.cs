using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Analytics;

/// <summary>What a funnel row is keyed by (SPEC §7 <c>by=</c>).</summary>
public enum FunnelDimension { Platform, Post, Campaign }

/// <summary>SPEC §7: one funnel row, content → engagement → conversation → revenue, with its cost.</summary>
public sealed record FunnelRow(
    string Key,
    int Posts,
    long Impressions,
    int Likes,
    int Engagements,
    int Conversations,
    decimal AttributedLeads,
    decimal AttributedConversions,
    decimal AttributedRevenue,
    decimal? Cost,
    decimal? Roi);

/// <summary>SPEC §7 funnel: events and attribution credits over a range, grouped by platform, post or campaign.</summary>
public static class Funnel
{
    public static IReadOnlyList<FunnelRow> Compute(
        HistoryIndex index, Attribution attribution, AccountSettings settings, TimeRange range, FunnelDimension by)
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal); // sorted once at the end: cheaper than a sorted map per event
        Row RowFor(string key) => rows.TryGetValue(key, out var row) ? row : rows[key] = new Row();

        // A key appears for a non-zero credit; credits on posts without a campaign make no campaign row.
        Row? CreditedRow(TouchCredit credit) => credit.Credit != 0 && CreditKey(credit, by) is { } key ? RowFor(key) : null;

        // No lambdas in this loop: one capturing the event was allocated for each of the range's
        // events (~250,000 for a busy quarter), most of the funnel's garbage.
        foreach (var e in index.InRange(range))
        {
            if (KeyOf(index, e, by) is { } key) RowFor(key).Count(index, e);
            switch (e.Type)
            {
                case EventType.Purchase:
                    foreach (var credit in attribution.CreditsFor(e))
                    {
                        if (CreditedRow(credit) is not { } row) continue;
                        row.Conversions += credit.Credit;
                        row.Revenue += credit.Credit * e.Amount!.Value;
                    }
                    break;
                case EventType.Lead:
                    foreach (var credit in attribution.CreditsFor(e))
                    {
                        if (CreditedRow(credit) is { } row) row.Leads += credit.Credit;
                    }
                    break;
                case EventType.Refund: // SPEC §4: takes back its purchase's credits, weighted by the refund amount
                    foreach (var credit in attribution.CreditsTakenBackBy(e))
                    {
                        if (CreditedRow(credit) is { } row) row.Revenue -= credit.Credit * e.Amount!.Value;
                    }
                    break;
            }
        }
        return rows.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value.ToRow(pair.Key, settings.Margin)).ToList();
    }

    /// <summary>
    /// Where an event counts: per post, events carrying that post; per platform, events on it;
    /// per campaign, post and cost events under their own campaign and others under their post's.
    /// </summary>
    private static string? KeyOf(HistoryIndex index, EngagementEvent e, FunnelDimension by) => by switch
    {
        FunnelDimension.Post => e.Post,
        FunnelDimension.Platform => e.Platform,
        _ when e.Type is EventType.Post or EventType.Cost => e.Campaign,
        _ => e.Post is null ? null : index.PostEvent(e.Post)?.Campaign,
    };

    private static string? CreditKey(TouchCredit credit, FunnelDimension by) => by switch
    {
        FunnelDimension.Post => credit.Post,
        FunnelDimension.Platform => credit.Platform,
        _ => credit.Campaign,
    };

    private sealed class Row
    {
        public int Posts, Likes, Engagements, Conversations;
        public long Impressions;
        public decimal Leads, Conversions, Revenue;
        public decimal? Cost;

        public void Count(HistoryIndex index, EngagementEvent e)
        {
            switch (e.Type)
            {
                case EventType.Post: Posts++; break;
                case EventType.Impression: Impressions += e.Count!.Value; break;
                case EventType.Like: Likes++; break;
                case EventType.Cost: Cost = (Cost ?? 0) + e.Amount!.Value; break;
            }
            if (e.Type.IsEngagement()) Engagements++;
            if (e.Type.IsInbound() && index.FirstAnswer(e) is not null) Conversations++;
        }

        public FunnelRow ToRow(string key, decimal margin) => new(key, Posts, Impressions, Likes, Engagements, Conversations,
            Leads, Conversions, Revenue, Cost, Cost is { } cost ? MoneyFigures.RoiOf(Revenue, margin, cost) : null);
    }
}
