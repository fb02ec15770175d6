namespace SocialRoi.Server.Hosting;

/// <summary>
/// Bound from the "Orleans" configuration section; the serve flags set the same keys (SPEC §12:
/// --cluster, --cluster-id, --silo-port, --gateway-port, --advertise).
/// </summary>
public sealed record NodeOptions
{
    /// <summary>Join the cluster whose membership table lives in the PostgreSQL storage.</summary>
    public bool Cluster { get; init; }

    public string ClusterId { get; init; } = "socialroi";

    /// <summary>Silo-to-silo port; in a cluster 11111 by default, embedded a free loopback port.</summary>
    public int? SiloPort { get; init; }

    /// <summary>Orleans client gateway port; in a cluster 30000 by default, embedded a free loopback port.</summary>
    public int? GatewayPort { get; init; }

    /// <summary>The address other nodes reach this one at; the silo listens there.</summary>
    public string Advertise { get; init; } = "127.0.0.1";
}
