namespace SocialRoi.Server.Security;

/// <summary>Bound from "Security" (docs/security.md).</summary>
public sealed record SecurityOptions
{
    /// <summary>How often each node re-reads the API keys from storage.</summary>
    public int KeyRefreshSeconds { get; init; } = 2;

    /// <summary>Requests per second each key (or, without keys, each client address) may make, sustained.</summary>
    public int RequestsPerSecond { get; init; } = 100;

    /// <summary>Requests a key may make at once above the sustained rate.</summary>
    public int Burst { get; init; } = 200;
}
