using System.Globalization;

namespace SocialRoi.Benchmarks.Measurements;

/// <summary>One measured figure beside its baseline and its target (issue 12), as a row of the results table.</summary>
/// <param name="Faster">For timings: the ratio says how many times faster than the baseline (baseline ÷ measured).</param>
public sealed record Figure(string Name, double Measured, string Unit, double? Baseline, string? BaselineName, string Target, bool? Met, bool Faster = false)
{
    public static string Header =>
        "| figure | measured | baseline | ratio | target | met |\n|---|---:|---:|---:|---|---|";

    public string Row()
    {
        var measured = Unit == "×" ? Ratio(Measured) : Format(Measured);
        var baseline = Baseline is { } b ? $"{Format(b)} {Unit} ({BaselineName})" : "—";
        var ratio = Baseline is not { } r || r == 0 || Measured == 0 ? "—"
            : Faster ? (r / Measured).ToString("0.00", CultureInfo.InvariantCulture) + "× faster"
            : Ratio(Measured / r) + "×";
        var met = Met switch { true => "yes", false => "**no**", null => "—" };
        return $"| {Name} | {measured} {Unit} | {baseline} | {ratio} | {Target} | {met} |";
    }

    // Three places, so that a ratio just under its target (0.798 against 0.8) never shows as the target itself.
    private static string Ratio(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Format(double value) => value >= 100 ? value.ToString("#,##0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}
