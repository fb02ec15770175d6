using Orleans.Runtime;
using SocialRoi.Server.Security;
using SocialRoi.Storage;

namespace SocialRoi.Server.Apis;

/// <summary>SPEC §7, §12: /healthz (process up) and /readyz (the silo is active and storage reachable).</summary>
public static class HealthApi
{
    public static WebApplication MapHealthApi(this WebApplication app)
    {
        // Open to load balancers and orchestrators, keys or not: they say nothing about any account.
        app.MapGet("/healthz", () => Results.Text("ok\n")).WithSummary("The process is up").RequireScope(null);
        app.MapGet("/readyz", Ready).WithSummary("The silo is active in its cluster and storage is reachable").RequireScope(null);
        return app;
    }

    private static async Task<IResult> Ready(
        IStorage storage, IClusterMembershipService membership, ILocalSiloDetails silo, CancellationToken cancellationToken)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        if (status != SiloStatus.Active)
            return Results.Problem(detail: $"the silo is {status.ToString().ToLowerInvariant()}, not active yet; retry shortly",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        return await storage.IsReachableAsync(cancellationToken)
            ? Results.Text("ready\n")
            : Results.Problem(detail: $"storage is not reachable: {storage.Description}", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
