using System.Net;
using System.Net.Sockets;

namespace SocialRoi.Testing;

/// <summary>Whether tests may skip for a missing service: never when SOCIALROI_REQUIRE_SERVICES is set (CI sets it).</summary>
public static class Services
{
    public static bool Required => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SOCIALROI_REQUIRE_SERVICES"));

    /// <summary>The full path of a program on PATH (or PostgreSQL's usual bin folders), or null.</summary>
    public static string? Find(string program)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(v => Path.Combine(v, "bin"))
                : []);
        return folders.Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// A loopback port free right now, for a server a test starts, chosen below the range the system
    /// hands out to outgoing connections. A port from that range could be taken, between this choice
    /// and the server's start (PostgreSQL's initdb takes seconds), by one of the run's own client
    /// connections: a CI run lost its PostgreSQL that way ("could not bind: Address already in use").
    /// </summary>
    public static int FreeLoopbackPort()
    {
        var firstEphemeral = FirstEphemeralPort();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(Math.Max(1024, firstEphemeral - 16_000), firstEphemeral);
            if (IsFree(port)) return port;
        }
        throw new InvalidOperationException($"no free loopback port found below {firstEphemeral} in 100 tries");
    }

    // Linux says where its range starts; 32768 is its default and sits below other systems' ranges too.
    private static int FirstEphemeralPort() =>
        File.Exists(EphemeralRange) && int.TryParse(File.ReadAllText(EphemeralRange).Split('\t', ' ')[0], out var first) ? first : 32768;

    private const string EphemeralRange = "/proc/sys/net/ipv4/ip_local_port_range";

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
