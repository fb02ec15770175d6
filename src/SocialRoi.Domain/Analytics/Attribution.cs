using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Analytics;

/// <summary>
/// The share of one conversion credited to one touch's post (SPEC §4), with the post, platform and
/// campaign it counts under as their numbers in the index's <see cref="FunnelNames"/>: the funnel
/// reads ~20,000 conversions' credits a quarter, and finding each row by number spares a lookup by name.
/// </summary>
public readonly record struct TouchCredit(EngagementEvent Touch, int Post, int Platform, int Campaign, decimal Credit);

/// <summary>SPEC §4: content → conversation → revenue. Splits each conversion over the touches before it.</summary>
public sealed class Attribution(HistoryIndex index, AccountSettings settings, AttributionModel model)
{
    // Kept by the index between queries, and forgotten by it when an event changes a conversion's credits.
    private readonly CreditMemory _remembered = index.RememberedCredits(model, settings);

    /// <summary>The credits of a purchase or lead; empty when it had no touch (a direct conversion).</summary>
    public ReadOnlySpan<TouchCredit> CreditsFor(in ConversionRow conversion) => CreditsFor(conversion.Number);

    /// <summary>SPEC §4: a refund takes back its purchase's credits, weighted by the refund amount; an unknown purchase's refund is direct.</summary>
    public ReadOnlySpan<TouchCredit> CreditsTakenBackBy(in ConversionRow refund) =>
        refund.Number == ConversionRow.NoPurchase ? [] : CreditsFor(refund.Number);

    private TouchCredit[] CreditsFor(int number) => _remembered[number] ??= Compute(index.Conversion(number));

    private TouchCredit[] Compute(EngagementEvent conversion)
    {
        var earliest = conversion.At - TimeSpan.FromDays(settings.LookbackDays);
        var touches = new List<EngagementEvent>();
        foreach (var member in index.MembersOf(conversion))
        {
            // The member's events, ordered by time, are read rather than a list of their touches
            // kept apart: that list cost ~19 bytes per event of the account, for ~1.5 times the reading here.
            foreach (var e in index.EventsOf(member).Span)
            {
                if (e.At > conversion.At) break;
                if (e.At >= earliest && e.IsCreditable()) touches.Add(e);
            }
        }
        touches.Sort(EngagementEvent.CompareByTime);
        var weights = Weights(touches);
        var credits = new TouchCredit[touches.Count];
        for (var i = 0; i < touches.Count; i++) credits[i] = Credit(touches[i], weights[i]);
        return credits;
    }

    private decimal[] Weights(List<EngagementEvent> touches)
    {
        var n = touches.Count;
        var weights = new decimal[n];
        if (n == 0) return weights;
        switch (model)
        {
            case AttributionModel.LastTouch: weights[n - 1] = 1; break;
            case AttributionModel.FirstTouch: weights[0] = 1; break;
            case AttributionModel.Linear: Array.Fill(weights, 1m / n); break;
            case AttributionModel.TimeDecay: TimeDecay(touches, weights); break;
            case AttributionModel.PositionBased: PositionBased(weights); break;
        }
        return weights;
    }

    // w_i = 2^(−(T − at_i)/H), H in days; credit = w_i / Σw. Ages are measured from the newest
    // touch, which scales every w_i alike, so a short half-life cannot underflow Σw to 0.
    private void TimeDecay(List<EngagementEvent> touches, decimal[] weights)
    {
        var newest = touches[^1].At;
        var raw = touches
            .Select(t => Math.Pow(2, -((newest - t.At).Ticks / (double)TimeSpan.TicksPerDay) / settings.HalfLifeDays))
            .ToArray();
        var total = raw.Sum();
        for (var i = 0; i < raw.Length; i++) weights[i] = (decimal)(raw[i] / total);
    }

    // n=1: 1; n=2: ½ each; n≥3: 0.4 first, 0.4 last, 0.2/(n−2) each middle.
    private static void PositionBased(decimal[] weights)
    {
        var n = weights.Length;
        if (n <= 2) { Array.Fill(weights, 1m / n); return; }
        Array.Fill(weights, 0.2m / (n - 2));
        weights[0] = weights[n - 1] = 0.4m;
    }

    // A touch on a post with no post event counts under the touch's own platform and no campaign.
    private TouchCredit Credit(EngagementEvent touch, decimal credit)
    {
        var names = index.FunnelNames;
        return index.PostEvent(touch.Post!) is { } post
            ? new TouchCredit(touch, names.SlotOf(touch.Post), names.SlotOf(post.Platform), names.SlotOf(post.Campaign), credit)
            : new TouchCredit(touch, names.SlotOf(touch.Post), names.SlotOf(touch.Platform), FunnelNames.None, credit);
    }
}
