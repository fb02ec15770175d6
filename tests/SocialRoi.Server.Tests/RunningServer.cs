using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialRoi.Server.Hosting;
using SocialRoi.Storage;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>The real server on a free loopback port, over real HTTP, on a real store (SQLite or PostgreSQL).</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly IStorage _storage;
    private readonly SocialRoiServer _server;
    private readonly bool _ownsStore;

    private RunningServer(IStorage storage, SocialRoiServer server, TestStore store, bool ownsStore)
    {
        _storage = storage;
        _server = server;
        Store = store;
        _ownsStore = ownsStore;
        Http = new HttpClient { BaseAddress = server.Address };
    }

    public HttpClient Http { get; }

    public IStorage Storage => _storage;

    public TestStore Store { get; }

    /// <summary>A server on a fresh store of the given kind (TestStore.Sqlite or TestStore.Postgres), removed with it.</summary>
    public static async Task<RunningServer> StartAsync(string kind, params string[] configuration) =>
        await StartAsync(await TestStore.CreateAsync(kind), owned: true, configuration);

    /// <summary>A server on a store the test prepared, removed with the server.</summary>
    public static Task<RunningServer> StartOwningAsync(TestStore store, params string[] configuration) =>
        StartAsync(store, owned: true, configuration);

    /// <summary>A server on a store the test keeps (to restart on it).</summary>
    public static Task<RunningServer> StartAsync(TestStore store, params string[] configuration) =>
        StartAsync(store, owned: false, configuration);

    private static async Task<RunningServer> StartAsync(TestStore store, bool owned, string[] configuration)
    {
        var storage = await store.OpenAsync();
        var server = await SocialRoiServer.StartAsync("http://127.0.0.1:0", storage, configuration, CancellationToken.None);
        return new RunningServer(storage, server, store, owned);
    }

    public async Task<JsonObject> PostEventsAsync(IEnumerable<JsonObject> events) =>
        await PostAsync(Ev.JsonArray(events), "application/json");

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

    /// <summary>How many account grains are active in the server's silo now.</summary>
    public async Task<int> ActiveAccountGrainsAsync()
    {
        var management = _server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("AccountGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    public async Task<JsonObject> GetJsonAsync(string path) => JsonNode.Parse(await GetStringAsync(path))!.AsObject();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
        await _storage.DisposeAsync();
        if (_ownsStore) await Store.DisposeAsync();
    }
}

/// <summary>Test events as clients send them.</summary>
public static class Ev
{
    public static readonly DateTimeOffset Day0 = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Events as one JSON array, a body POST /events takes.</summary>
    public static string JsonArray(IEnumerable<JsonObject> events) =>
        new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()).ToJsonString();

    /// <summary>The same as an HTTP request body.</summary>
    public static StringContent JsonBody(IEnumerable<JsonObject> events) => new(JsonArray(events), Encoding.UTF8, "application/json");

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
