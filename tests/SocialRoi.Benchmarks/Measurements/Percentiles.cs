namespace SocialRoi.Benchmarks.Measurements;

/// <summary>Nearest-rank percentiles of a set of timings.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = Math.Max(1, (int)Math.Ceiling(percentile / 100 * sorted.Count));
        return sorted[rank - 1];
    }
}
