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

    /// <summary>A loopback port free right now, for a server a test starts.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
