using SocialRoi.Domain.Accounts;

namespace SocialRoi.Domain.Analytics;

/// <summary>
/// Each conversion's credits, kept from one query to the next for every way of attributing asked
/// for (model, lookback, half-life). Attributing the ~10,000 purchases of a busy quarter was half
/// of a summary's time, and between two queries a few events change a few conversions' credits:
/// the index forgets exactly those (<see cref="HistoryIndex"/> calls <see cref="Forget"/>).
/// </summary>
internal sealed class RememberedCredits
{
    private readonly Dictionary<(AttributionModel Model, int LookbackDays, double HalfLifeDays), CreditMemory> _byWay = [];

    /// <summary>The credits remembered for one way of attributing; the caller adds what it computes.</summary>
    public CreditMemory For(AttributionModel model, AccountSettings settings)
    {
        var way = (model, settings.LookbackDays, settings.HalfLifeDays);
        if (!_byWay.TryGetValue(way, out var credits)) _byWay[way] = credits = new CreditMemory();
        return credits;
    }

    /// <summary>A conversion's touches or members changed: its credits are computed afresh when next asked for.</summary>
    public void Forget(int conversion)
    {
        foreach (var credits in _byWay.Values) credits.Forget(conversion);
    }

    /// <summary>Something every credit may name changed (a post's platform or campaign).</summary>
    public void ForgetAll()
    {
        foreach (var credits in _byWay.Values) credits.ForgetAll();
    }
}

/// <summary>
/// One way of attributing's credits, by the conversions' numbers (given in the order ingest meets
/// them, so a range's conversions sit close together): a query finds each one's credits by
/// position, where a lookup by conversion cost a few cache misses each.
/// </summary>
internal sealed class CreditMemory
{
    private TouchCredit[]?[] _byNumber = [];

    /// <summary>The credits of conversion number n, null until computed.</summary>
    public ref TouchCredit[]? this[int number]
    {
        get
        {
            if (number >= _byNumber.Length) Array.Resize(ref _byNumber, Math.Max(number + 1, _byNumber.Length * 2));
            return ref _byNumber[number];
        }
    }

    public void Forget(int number)
    {
        if (number < _byNumber.Length) _byNumber[number] = null;
    }

    public void ForgetAll() => Array.Clear(_byNumber);
}
