using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Analytics;

/// <summary>
/// Each conversion's credits, kept from one query to the next for every way of attributing asked
/// for (model, lookback, half-life). Attributing the ~10,000 purchases of a busy quarter was half
/// of a summary's time, and between two queries a few events change a few conversions' credits:
/// the index forgets exactly those (<see cref="HistoryIndex"/> calls <see cref="Forget"/>).
/// </summary>
internal sealed class RememberedCredits
{
    private readonly Dictionary<(AttributionModel Model, int LookbackDays, double HalfLifeDays), Dictionary<EngagementEvent, TouchCredit[]>> _byWay = [];

    /// <summary>
    /// The credits remembered for one way of attributing, by conversion; the caller adds what it
    /// computes. Conversions are told apart as objects (an index holds one per id): hashing their
    /// ids cost the funnel a read of each id's string.
    /// </summary>
    public Dictionary<EngagementEvent, TouchCredit[]> For(AttributionModel model, AccountSettings settings)
    {
        var way = (model, settings.LookbackDays, settings.HalfLifeDays);
        if (!_byWay.TryGetValue(way, out var credits)) _byWay[way] = credits = new Dictionary<EngagementEvent, TouchCredit[]>(ReferenceEqualityComparer.Instance);
        return credits;
    }

    /// <summary>A conversion's touches or members changed: its credits are computed afresh when next asked for.</summary>
    public void Forget(EngagementEvent conversion)
    {
        foreach (var credits in _byWay.Values) credits.Remove(conversion);
    }

    /// <summary>Something every credit may name changed (a post's platform or campaign).</summary>
    public void ForgetAll()
    {
        foreach (var credits in _byWay.Values) credits.Clear();
    }
}
