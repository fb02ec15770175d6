namespace SocialRoi.Server.Security;

/// <summary>SPEC §11: what an API key may do.</summary>
public static class Scopes
{
    /// <summary>Send events (POST /events, imports).</summary>
    public const string Ingest = "ingest";

    /// <summary>Read figures, reports, the front page and the OpenAPI document.</summary>
    public const string Read = "read";

    /// <summary>Change account settings and goals; the Orleans Dashboard.</summary>
    public const string Admin = "admin";

    /// <summary>Scrape /metrics.</summary>
    public const string Metrics = "metrics";

    public static readonly IReadOnlyList<string> All = [Ingest, Read, Admin, Metrics];
}

/// <summary>The scope an endpoint needs, attached as endpoint metadata; None for the open health probes.</summary>
public sealed record RequiredScope(string? Scope)
{
    public static readonly RequiredScope None = new((string?)null);
}

public static class RequiredScopeExtensions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder endpoint, string? scope) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new RequiredScope(scope));
}
