using SocialRoi.Storage;

namespace SocialRoi.Server.Apis;

/// <summary>SPEC §7: /healthz (process up) and /readyz (storage reachable).</summary>
public static class HealthApi
{
    public static WebApplication MapHealthApi(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n")).WithSummary("The process is up");
        app.MapGet("/readyz", async (IStorage storage, CancellationToken cancellationToken) =>
                await storage.IsReachableAsync(cancellationToken)
                    ? Results.Text("ready\n")
                    : Results.Problem(detail: $"storage is not reachable: {storage.Description}", statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithSummary("Storage is reachable");
        return app;
    }
}
