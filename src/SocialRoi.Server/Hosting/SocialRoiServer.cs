using System.Data.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Persistence;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Accounts;
using SocialRoi.Grains.Hosting;
using SocialRoi.Server.Apis;
using SocialRoi.Server.Ingest;
using SocialRoi.Storage;

namespace SocialRoi.Server.Hosting;

/// <summary>The HTTP server: wires storage, the grain host and the APIs, and holds no logic of its own.</summary>
public sealed class SocialRoiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SocialRoiServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the server listens (the real port when started on port 0).</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="configuration">Extra configuration as command-line style pairs, e.g. "--Grains:CollectionAge=00:00:01".</param>
    public static async Task<SocialRoiServer> StartAsync(string urls, IStorage storage, string[] configuration, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = configuration,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(urls);
        var grainOptions = builder.Configuration.GetSection("Grains").Get<GrainHostOptions>() ?? new GrainHostOptions();
        var limits = builder.Configuration.GetSection("Ingest").Get<IngestLimits>() ?? new IngestLimits();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes);

        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(storage); // owned (and disposed) by whoever opened it
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<GrainCallMetrics>();
        builder.Services.AddSingleton(services => AccountGrainHost.Create(
            storage, storage, grainOptions, [services.GetRequiredService<GrainCallMetrics>()], services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<EventIngest>();

        var app = builder.Build();
        app.UseExceptionHandler(); // anything unforeseen: a problem+json 500, not an empty answer
        app.UseStatusCodePages();  // unknown paths and methods: problem+json too
        app.Use(TranslateErrors);
        var api = app.MapGroup("/api/v1");
        api.MapEventsApi();
        api.MapAccountsApi();
        api.MapAnalyticsApi();
        api.MapGoalsApi();
        app.MapHealthApi();
        app.MapOpenApi("/openapi/{documentName}.json");

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SocialRoiServer(app, new Uri(address));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync(); // flushes grain state before the storage closes
    }

    // Errors become problem+json that say what to do: a bad parameter is the caller's to fix,
    // unreachable storage is temporary and worth retrying.
    private static async Task TranslateErrors(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (QueryParameterException bad) when (!http.Response.HasStarted)
        {
            await Problems.BadRequest(bad.Message, bad.Parameter).ExecuteAsync(http);
        }
        catch (InvalidBodyException bad) when (!http.Response.HasStarted)
        {
            await Problems.BadRequest(bad.Message).ExecuteAsync(http);
        }
        catch (Exception unavailable) when (unavailable is DbException or InconsistentStateException && !http.Response.HasStarted)
        {
            http.Response.Headers.RetryAfter = "5";
            await Results.Problem(detail: $"storage is unavailable ({unavailable.Message}); nothing was lost, retry in a few seconds",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable").ExecuteAsync(http);
        }
    }
}
