using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;

namespace SocialRoi.Domain.Health;

/// <summary>SPEC §8: the common mistakes, measured as of an instant, with what to do about each.</summary>
public static class HealthChecks
{
    /// <param name="index">Every event of the account: the checks read what was known at asOf (as if run at that instant).</param>
    public static IReadOnlyList<HealthCheck> Evaluate(HistoryIndex index, IReadOnlyList<Goal> goals, DateTimeOffset asOf)
    {
        var figures = HealthFigures.Measure(index, goals, asOf);
        return HealthRule.All.Select(rule =>
        {
            var value = figures[rule.Id];
            var status = rule.Judge(value);
            return new HealthCheck(rule.Id, WireNames<HealthStatus>.Of(status), value, rule.Threshold, HealthMessages.For(rule.Id, value, status));
        }).ToList();
    }
}
