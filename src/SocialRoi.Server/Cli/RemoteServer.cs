using System.Net.Http.Headers;

namespace SocialRoi.Server.Cli;

/// <summary>The --to and --key options: a running SocialRoi server, and the API key to present to it.</summary>
public static class RemoteServer
{
    /// <summary>The default key when --key is not given, so it stays out of shell history.</summary>
    public const string KeyVariable = "SOCIALROI_KEY";

    public static Uri? Parse(string to)
    {
        if (Uri.TryCreate(to, UriKind.Absolute, out var server) && server.Scheme is "http" or "https") return server;
        Console.Error.WriteLine($"--to must be the address of a running SocialRoi server, like http://127.0.0.1:5080, got \"{to}\"");
        return null;
    }

    public static HttpClient Client(Uri server, string? key)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
        if ((key ?? Environment.GetEnvironmentVariable(KeyVariable)) is { Length: > 0 } bearer)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return http;
    }
}
