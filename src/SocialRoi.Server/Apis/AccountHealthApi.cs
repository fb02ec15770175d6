using SocialRoi.Domain.Health;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Server.Hosting;

namespace SocialRoi.Server.Apis;

/// <summary>SPEC §8: the common mistakes, measured.</summary>
public static class AccountHealthApi
{
    public static RouteGroupBuilder MapAccountHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{account}/health", GetHealth)
            .WithSummary("Every health check (the common social media mistakes) over the 90 days before asOf, with value, thresholds, status and advice")
            .Produces<HealthCheck[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetHealth(HttpContext http, string account, string? asOf, IGrainFactory grains, TimeProvider time)
    {
        var checks = await grains.GetGrain<IAccountGrain>(account).GetHealthAsync(QueryParameters.AsOf(asOf, time.GetUtcNow()));
        return checks is null ? Problems.UnknownAccount(account) : ApiResults.Rows(http, checks);
    }
}
