using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Dashboard;
using SocialRoi.Grains;
using SocialRoi.Grains.Accounts;
using SocialRoi.Storage;

namespace SocialRoi.Server.Hosting;

/// <summary>A node that cannot start as configured; the message says what to change.</summary>
public sealed class NodeConfigurationException(string message) : Exception(message);

/// <summary>The Orleans silo every socialroi server co-hosts (SPEC §12).</summary>
public static class SiloSetup
{
    /// <summary>Orleans keys grain state by service id: every node and mode of SocialRoi shares one.</summary>
    public const string ServiceId = "socialroi";

    public static void Configure(ISiloBuilder silo, IStorage storage, NodeOptions node, IConfiguration configuration)
    {
        if (node.Cluster) JoinCluster(silo, storage.Orleans, node);
        else
            // Embedded: loopback only, on free ports unless given, so two servers on one machine never clash.
            silo.UseLocalhostClustering(node.SiloPort ?? FreeLoopbackPort(), node.GatewayPort ?? FreeLoopbackPort(), serviceId: ServiceId, clusterId: node.ClusterId);

        silo.AddAccountGrains(storage, Snapshots(configuration));
        silo.Configure<GrainCollectionOptions>(GrainCollection(configuration));
        silo.AddDashboard();
    }

    /// <summary>The "Snapshots" section, refused at start when a time is unreadable or not positive: a running account's timer needs one.</summary>
    private static SnapshotSchedule Snapshots(IConfiguration configuration)
    {
        var schedule = Times<SnapshotSchedule>(configuration.GetSection("Snapshots")) ?? new SnapshotSchedule();
        foreach (var (name, value) in new[] { (nameof(schedule.WhenQuietFor), schedule.WhenQuietFor), (nameof(schedule.AtLeastEvery), schedule.AtLeastEvery) })
        {
            if (value <= TimeSpan.Zero)
                throw new NodeConfigurationException($"Snapshots:{name} must be a time longer than zero, like 00:15:00; got {value}");
        }
        return schedule;
    }

    /// <summary>
    /// The "Grains" section, its collection age refused at start when unreadable or not longer than
    /// Orleans' collection quantum: Orleans refuses it too, but only with a stack trace.
    /// </summary>
    private static IConfigurationSection GrainCollection(IConfiguration configuration)
    {
        var section = configuration.GetSection("Grains");
        var options = Times<GrainCollectionOptions>(section);
        if (options is not null && options.CollectionAge <= options.CollectionQuantum)
            throw new NodeConfigurationException(
                $"Grains:CollectionAge must be a time longer than {options.CollectionQuantum} (how often idle accounts are looked for), like 00:15:00; got {options.CollectionAge}");
        return section;
    }

    /// <summary>A section of times, read as the silo will read it; an unreadable time is refused with the form it takes.</summary>
    private static T? Times<T>(IConfigurationSection section)
    {
        try
        {
            return section.Get<T>();
        }
        catch (InvalidOperationException unreadable)
        {
            throw new NodeConfigurationException($"{unreadable.Message} Give it as hours:minutes:seconds, like 00:15:00.");
        }
    }

    private static void JoinCluster(ISiloBuilder silo, OrleansDatabase database, NodeOptions node)
    {
        if (!database.SupportsClustering)
            throw new NodeConfigurationException(
                "--cluster needs PostgreSQL storage (--storage postgres://user:password@host:5432/database): the cluster's membership table lives there. sqlite: storage runs one embedded node; drop --cluster to use it.");
        if (!IPAddress.TryParse(node.Advertise, out var advertised))
            throw new NodeConfigurationException($"--advertise must be an IP address other nodes reach this one at, got \"{node.Advertise}\"");
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = database.Invariant;
            options.ConnectionString = database.ConnectionString;
        });
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = node.ClusterId;
            options.ServiceId = ServiceId;
        });
        // Silo traffic has no TLS: listen only on the advertised (private) address.
        silo.ConfigureEndpoints(advertised, node.SiloPort ?? 11111, node.GatewayPort ?? 30000, listenOnAnyHostAddress: false);
        silo.Configure<ClusterMembershipOptions>(DeclareDeadNodesQuickly);
    }

    // SPEC §12: a dead node's accounts answer again within 10 s. Probing every second and declaring a
    // node dead after two missed probes takes about 2–4 s here (docs/operations.md), instead of Orleans'
    // default 13–16 s; the price is a little more probe traffic.
    private static void DeclareDeadNodesQuickly(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
