using SocialRoi.Domain.Accounts;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Server.Hosting;
using SocialRoi.Server.Security;

namespace SocialRoi.Server.Apis;

/// <summary>SPEC §6: an account's goals, each with its current figure and whether it is met.</summary>
public static class GoalsApi
{
    public static RouteGroupBuilder MapGoalsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{account}/goals", GetGoals)
            .WithSummary("The account's goals with current (the summary figure over the goal's range) and met")
            .Produces<GoalStatus[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/accounts/{account}/goals", ReplaceGoals)
            .RequireScope(Scopes.Admin)
            .WithSummary("Replace the account's goals")
            .Accepts<GoalBody[]>("application/json")
            .Produces<GoalStatus[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetGoals(HttpContext http, string account, IGrainFactory grains)
    {
        var goals = await grains.GetGrain<IAccountGrain>(account).GetGoalsAsync();
        return goals is null ? Problems.UnknownAccount(account) : ApiResults.Rows(http, goals);
    }

    private static async Task<IResult> ReplaceGoals(HttpContext http, string account, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var goals = GoalReader.Read(await RequestBody.ReadAsync(http.Request, cancellationToken));
        var grain = grains.GetGrain<IAccountGrain>(account);
        if (await grain.GetOverviewAsync() is null) return Problems.UnknownAccount(account);
        await grain.ReplaceGoalsAsync(goals);
        return ApiResults.Rows(http, (await grain.GetGoalsAsync())!);
    }
}

/// <summary>One goal as PUT takes it, for the OpenAPI document. op is "&gt;=" or "&lt;="; from/to are RFC 3339 or dates.</summary>
public sealed record GoalBody(string Id, string Metric, string Op, decimal Target, string From, string To);
