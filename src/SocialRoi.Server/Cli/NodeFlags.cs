using System.CommandLine;

namespace SocialRoi.Server.Cli;

/// <summary>SPEC §12: the serve flags of a cluster node, passed on as the "Orleans" configuration keys they mirror.</summary>
public sealed class NodeFlags
{
    private readonly Option<bool> _cluster = new("--cluster") { Description = "Join the cluster whose membership table lives in the PostgreSQL --storage" };
    private readonly Option<string?> _clusterId = new("--cluster-id") { Description = "Which cluster to join (default socialroi)" };
    private readonly Option<int?> _siloPort = new("--silo-port") { Description = "Silo-to-silo port (cluster default 11111; embedded: a free loopback port)" };
    private readonly Option<int?> _gatewayPort = new("--gateway-port") { Description = "Orleans gateway port (cluster default 30000; embedded: a free loopback port)" };
    private readonly Option<string?> _advertise = new("--advertise") { Description = "The IP address other nodes reach this one at (default 127.0.0.1)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _cluster, _clusterId, _siloPort, _gatewayPort, _advertise }) command.Options.Add(option);
    }

    /// <summary>The flags given, as command-line style configuration pairs (--Orleans:SiloPort=11112).</summary>
    public string[] Read(ParseResult parsed)
    {
        var pairs = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null) pairs.Add($"--Orleans:{key}={value}");
        }
        if (parsed.GetValue(_cluster)) Add("Cluster", "true");
        Add("ClusterId", parsed.GetValue(_clusterId));
        Add("SiloPort", parsed.GetValue(_siloPort));
        Add("GatewayPort", parsed.GetValue(_gatewayPort));
        Add("Advertise", parsed.GetValue(_advertise));
        return pairs.ToArray();
    }
}
