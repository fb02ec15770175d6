using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Accounts;

/// <summary>SPEC §6: each goal's figure over the goal's own range, default model, and whether it is met.</summary>
public static class GoalProgress
{
    public static IReadOnlyList<GoalStatus> Measure(string account, AccountHistory history, AccountSettings settings, IReadOnlyList<Goal> goals) =>
        goals.Select(goal => GoalStatus.Of(goal,
                AccountSummary.Compute(account, history, settings, new TimeRange(goal.From, goal.To), AttributionModel.LastTouch)))
            .ToList();
}
