using OpenTelemetry.Metrics;
using SocialRoi.Grains.Calls;
using SocialRoi.Server.Security;

namespace SocialRoi.Server.Metrics;

/// <summary>SPEC §10: GET /metrics in Prometheus text format, produced with OpenTelemetry, Orleans' and ASP.NET Core's own meters included.</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void AddSocialRoiMetrics(this IServiceCollection services, MetricsOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<LiveBoard>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestMetrics.MeterName, LiveBoard.MeterName, GrainCallMetrics.MeterName, AccountMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting")
            .AddView(instrument => instrument.Meter.Name.StartsWith("SocialRoi", StringComparison.Ordinal)
                ? new MetricStreamConfiguration { CardinalityLimit = options.CardinalityLimit }
                : null)
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
    }

    public static void MapSocialRoiMetrics(this WebApplication app)
    {
        // The gauges need the grains' figures of this instant: fetched before the exporter collects.
        app.UseWhen(http => http.Request.Path == Path, scrape => scrape.Use(async (http, next) =>
        {
            await http.RequestServices.GetRequiredService<LiveBoard>().RefreshAsync(http.RequestAborted);
            await next(http);
        }));
        app.MapPrometheusScrapingEndpoint(Path).RequireScope(Scopes.Metrics);
    }
}
