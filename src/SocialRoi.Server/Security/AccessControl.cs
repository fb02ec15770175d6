using System.Net;
using System.Threading.RateLimiting;

namespace SocialRoi.Server.Security;

/// <summary>
/// SPEC §11: once any API key exists, every request but the health probes needs one
/// (Authorization: Bearer KEY): 401 without a valid key, 403 outside its scopes or accounts. Each
/// key (or, before keys exist, each client address) gets its own rate limit: 429 with Retry-After.
/// </summary>
public static class AccessControl
{
    public static async Task CheckAsync(HttpContext http, RequestDelegate next)
    {
        var ring = http.RequestServices.GetRequiredService<KeyRing>();
        var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>();
        if (IsOpen(required) || !ring.HasKeys)
        {
            await next(http);
            return;
        }
        if (Bearer(http.Request) is not { } secret || ring.Find(secret) is not { } key)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "An API key is needed",
                detail: "send a valid API key as Authorization: Bearer <key>; an administrator creates one with socialroi keys create").ExecuteAsync(http);
            return;
        }
        var caller = new Caller(key);
        http.Features.Set(caller);
        var scope = required?.Scope ?? Scopes.Read; // unknown paths need a key that can read, to learn they are unknown
        var account = http.GetRouteValue("account") as string ?? NonEmpty(http.Request.Query["account"].ToString());
        if (!caller.Has(scope))
            await Forbid(http, $"this key (id {key.Id}) lacks the {scope} scope that this request needs; it has {string.Join(", ", key.Scopes)}");
        else if (account is not null && !caller.Allows(account))
            await Forbid(http, $"this key (id {key.Id}) may not use account \"{account}\"; it may use {string.Join(", ", key.Accounts)}");
        else
            await next(http);
    }

    public static Task Forbid(HttpContext http, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed with this key", detail: detail).ExecuteAsync(http);

    public static void AddRateLimits(this IServiceCollection services, SecurityOptions options) => services.AddRateLimiter(limits =>
    {
        limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            IsOpen(http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>())
                ? RateLimitPartition.GetNoLimiter("health probes")
                : RateLimitPartition.GetTokenBucketLimiter(
                    http.Caller().Key?.Id is { } id ? $"key {id}" : $"address {http.Connection.RemoteIpAddress}",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.Burst,
                        TokensPerPeriod = options.RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
        limits.OnRejected = async (context, cancellationToken) =>
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"this key or address is over {options.RequestsPerSecond} requests per second (bursts of {options.Burst}); retry after the Retry-After seconds")
                .ExecuteAsync(context.HttpContext);
        };
    });

    /// <summary>SPEC §11: without keys SocialRoi only listens on loopback.</summary>
    public static bool IsLoopbackOnly(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
    {
        var host = Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var parsed) ? parsed.Host : "";
        return host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    });

    private static bool IsOpen(RequiredScope? required) => required is { Scope: null };

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;
}
