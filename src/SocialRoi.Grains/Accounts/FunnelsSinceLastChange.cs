using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Time;

namespace SocialRoi.Grains.Accounts;

/// <summary>
/// The funnels an account grain computed since its account last changed. Dashboards and BI tools
/// ask the same funnel again and again, and until an event is stored or a setting changes the
/// answer cannot differ, so it is computed once; a by-post funnel of a busy account reads a
/// quarter's conversions and ~25,000 names. Each stored event and each settings change forgets
/// them all.
/// </summary>
internal sealed class FunnelsSinceLastChange
{
    // A dashboard's few funnels. A by-post funnel of a million-event account is ~5,000 rows (~0.7 MB).
    private const int Kept = 4;

    private readonly List<(FunnelQuery Query, IReadOnlyList<FunnelRow> Rows)> _kept = [];

    public IReadOnlyList<FunnelRow> Get(FunnelQuery query, Func<IReadOnlyList<FunnelRow>> compute)
    {
        foreach (var (kept, rows) in _kept)
        {
            if (kept == query) return rows;
        }
        var computed = compute();
        if (_kept.Count == Kept) _kept.RemoveAt(0);
        _kept.Add((query, computed));
        return computed;
    }

    public void Forget() => _kept.Clear();
}

/// <summary>One funnel question: the range, what rows are keyed by, and the way of attributing.</summary>
internal readonly record struct FunnelQuery(TimeRange Range, FunnelDimension By, AttributionModel Model);
