using System.Data.Common;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Orleans.Dashboard;
using Orleans.Runtime;
using SocialRoi.Server.Apis;
using SocialRoi.Server.Imports;
using SocialRoi.Server.Ingest;
using SocialRoi.Server.Metrics;
using SocialRoi.Server.Security;
using SocialRoi.Storage;

namespace SocialRoi.Server.Hosting;

/// <summary>The HTTP server with its co-hosted Orleans silo: wires storage, the silo and the APIs, and holds no logic of its own.</summary>
public sealed class SocialRoiServer : IAsyncDisposable
{
    // How many choices of free ports an embedded silo tries before its start fails.
    private const int PortChoices = 3;

    private readonly WebApplication _app;

    private SocialRoiServer(WebApplication app, Uri address, string node, bool keysRequired)
    {
        _app = app;
        Address = address;
        Node = node;
        KeysRequired = keysRequired;
    }

    /// <summary>False while no API key exists: then the server listens on loopback only and trusts every caller.</summary>
    public bool KeysRequired { get; }

    /// <summary>Where the server listens (the real port when started on port 0).</summary>
    public Uri Address { get; }

    /// <summary>The silo in words, for start-up messages: embedded, or which cluster it joined and how it is reached.</summary>
    public string Node { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="configuration">Extra configuration as command-line style pairs, e.g. "--Grains:CollectionAge=00:05:00".</param>
    public static async Task<SocialRoiServer> StartAsync(string urls, IStorage storage, string[] configuration, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (app, node) = await BuildAsync(urls, storage, configuration, cancellationToken);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (AddressInUseException) when (attempt < PortChoices && !node.Cluster && node.SiloPort is null && node.GatewayPort is null)
            {
                // The embedded silo's ports were free when chosen, but Orleans binds them later, and any
                // socket opened in between (an outgoing connection takes a port from the same range) can
                // take one: another choice of ports then starts. Ports given in the configuration are
                // never changed, and Kestrel reports its own taken port differently (an IOException).
                await app.DisposeAsync();
                continue;
            }
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var silo = app.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint;
            var description = node.Cluster
                ? $"node {silo} of cluster \"{node.ClusterId}\""
                : $"embedded silo on {silo}";
            return new SocialRoiServer(app, new Uri(address), description, app.Services.GetRequiredService<KeyRing>().HasKeys);
        }
    }

    private static async Task<(WebApplication App, NodeOptions Node)> BuildAsync(string urls, IStorage storage, string[] configuration, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = configuration,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(urls);
        var node = builder.Configuration.GetSection("Orleans").Get<NodeOptions>() ?? new NodeOptions();
        var limits = builder.Configuration.GetSection("Ingest").Get<IngestLimits>() ?? new IngestLimits();
        var security = builder.Configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        var keys = await storage.ListKeysAsync(cancellationToken);
        if (!keys.Any(k => k.RevokedAt is null) && !AccessControl.IsLoopbackOnly(urls))
            throw new NodeConfigurationException(
                $"SocialRoi will not listen on {urls} without an API key: anyone who reaches it could read and change every account. " +
                $"Create a key first (socialroi keys create --scopes ingest,read,admin,metrics --accounts '*' --storage <the same storage>), or listen on http://127.0.0.1.");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes);

        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(storage); // owned (and disposed) by whoever opened it
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<BatchBody>();
        builder.Services.AddSingleton<EventIngest>();
        builder.Services.AddSingleton<IInstallationSecrets>(storage);
        builder.Services.AddSingleton<FileImport>();
        builder.Services.AddSingleton(security);
        builder.Services.AddSingleton<IApiKeyStore>(storage);
        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<KeyRing>(services, keys));
        builder.Services.AddHostedService(services => services.GetRequiredService<KeyRing>());
        builder.Services.AddRateLimits(security);
        builder.Services.AddSocialRoiMetrics(builder.Configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions());
        builder.UseOrleans(silo => SiloSetup.Configure(silo, storage, node, builder.Configuration));

        var app = builder.Build();
        app.UseExceptionHandler(); // anything unforeseen: a problem+json 500, not an empty answer
        app.UseStatusCodePages();  // unknown paths and methods: problem+json too
        app.Use(AccessControl.CheckAsync);
        app.UseRateLimiter();
        app.Use(TranslateErrors);
        app.MapSocialRoiMetrics();
        var api = app.MapGroup("/api/v1");
        api.MapEventsApi();
        api.MapImportsApi();
        api.MapAccountsApi();
        api.MapAnalyticsApi();
        api.MapGoalsApi();
        api.MapAccountHealthApi();
        api.MapReportsApi();
        app.MapFrontPage();
        app.MapHealthApi();
        app.MapOrleansDashboard("/dashboard").RequireScope(Scopes.Admin);
        app.MapOpenApi("/openapi/{documentName}.json").RequireScope(Scopes.Read);
        return (app, node);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync(); // stops the silo before the storage closes
    }

    // Errors become problem+json that say what to do: a bad parameter is the caller's to fix;
    // unreachable storage, a stale grain, or an account being taken over by another node are
    // temporary and worth retrying (SPEC §12: 503 with Retry-After, never a bare 500).
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
        catch (Exception unavailable) when (IsTemporary(unavailable) && !http.Response.HasStarted)
        {
            http.Response.Headers.RetryAfter = "2";
            await Results.Problem(
                detail: $"the account or its storage is unavailable for a moment ({unavailable.Message}); nothing acknowledged was lost, retry in a few seconds",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable").ExecuteAsync(http);
        }
    }

    // Orleans reports a node that died, a call that timed out while an account moves, or a stale
    // state write as OrleansException (or TimeoutException); storage trouble as a DbException.
    private static bool IsTemporary(Exception error) => error is DbException or OrleansException or TimeoutException;
}
