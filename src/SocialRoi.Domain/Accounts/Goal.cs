using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;

namespace SocialRoi.Domain.Accounts;

/// <summary>SPEC §6: a target for one summary figure over a range.</summary>
public sealed record Goal(string Id, string Metric, string Op, decimal Target, DateTimeOffset From, DateTimeOffset To);

/// <summary>A goal with its figure now: <c>current</c> over the goal's own range, and whether it is met.</summary>
public sealed record GoalStatus(string Id, string Metric, string Op, decimal Target, DateTimeOffset From, DateTimeOffset To, double? Current, bool Met)
{
    /// <summary>Met is false when the figure is null (e.g. no cost, so no roi).</summary>
    public static GoalStatus Of(Goal goal, AccountSummary summary)
    {
        var current = SummaryMetrics.Value(summary, goal.Metric);
        var target = (double)goal.Target;
        var met = current is { } value && (goal.Op == ">=" ? value >= target : value <= target);
        return new GoalStatus(goal.Id, goal.Metric, goal.Op, goal.Target, goal.From, goal.To, current, met);
    }
}

/// <summary>
/// The numeric figures of the summary by their JSON names, nested ones with a dot
/// (audience.customer): read off <see cref="AccountSummary"/> itself, so a figure added there is a
/// goal metric at once, spelled as the JSON and CSV spell it.
/// </summary>
public static class SummaryMetrics
{
    private static readonly Dictionary<string, Func<AccountSummary, double?>> Figures =
        NumericFigures(typeof(AccountSummary), prefix: "", summary => summary)
            .ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    public static IEnumerable<string> Names => Figures.Keys;

    public static bool Exists(string metric) => Figures.ContainsKey(metric);

    public static double? Value(AccountSummary summary, string metric) => Figures[metric](summary);

    private static IEnumerable<(string Name, Func<AccountSummary, double?> Value)> NumericFigures(
        Type type, string prefix, Func<AccountSummary, object?> owner)
    {
        foreach (var property in type.GetProperties())
        {
            var name = prefix + char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (kind == typeof(AudienceCounts))
            {
                foreach (var nested in NumericFigures(kind, name + ".", s => property.GetValue(owner(s)))) yield return nested;
            }
            else if (kind == typeof(int) || kind == typeof(long) || kind == typeof(decimal) || kind == typeof(double))
            {
                yield return (name, s => property.GetValue(owner(s)) is { } value ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) : null);
            }
        }
    }
}
