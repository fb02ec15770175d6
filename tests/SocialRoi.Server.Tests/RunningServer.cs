using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialRoi.Server.Hosting;
using SocialRoi.Storage;

namespace SocialRoi.Server.Tests;

/// <summary>A temporary directory for a SQLite store, removed afterwards; outlives servers for restart tests.</summary>
public sealed class DataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("socialroi-server-").FullName;

    public string StorageUri => $"sqlite:{System.IO.Path.Combine(Path, "socialroi.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}

/// <summary>The real server on a free loopback port, over real HTTP, on a real SQLite file.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly IStorage _storage;
    private readonly SocialRoiServer _server;
    private readonly DataDirectory? _ownedDirectory;

    private RunningServer(IStorage storage, SocialRoiServer server, DataDirectory? ownedDirectory)
    {
        _storage = storage;
        _server = server;
        _ownedDirectory = ownedDirectory;
        Http = new HttpClient { BaseAddress = server.Address };
    }

    public HttpClient Http { get; }

    public static async Task<RunningServer> StartAsync(DataDirectory? directory = null, params string[] configuration)
    {
        var owned = directory is null ? new DataDirectory() : null;
        var storage = await StorageUri.OpenAsync((directory ?? owned)!.StorageUri, CancellationToken.None);
        var server = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, configuration, CancellationToken.None);
        return new RunningServer(storage, server, owned);
    }

    public async Task<JsonObject> PostEventsAsync(IEnumerable<JsonObject> events)
    {
        var body = new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()).ToJsonString();
        return await PostAsync(body, "application/json");
    }

    public async Task<JsonObject> PostAsync(string body, string contentType)
    {
        using var response = await Http.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /events answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return text;
    }

    public async Task<JsonObject> GetJsonAsync(string path) => JsonNode.Parse(await GetStringAsync(path))!.AsObject();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
        await _storage.DisposeAsync();
        _ownedDirectory?.Dispose();
    }
}

/// <summary>Test events as clients send them.</summary>
public static class Ev
{
    public static readonly DateTimeOffset Day0 = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public static JsonObject Make(string type, string id, double day, object? fields = null, string account = "acme")
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["account"] = account,
            ["type"] = type,
            ["at"] = Day0.AddDays(day).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'"),
        };
        if (fields is not null)
        {
            foreach (var property in fields.GetType().GetProperties())
                json[property.Name] = JsonSerializer.SerializeToNode(property.GetValue(fields));
        }
        return json;
    }
}
