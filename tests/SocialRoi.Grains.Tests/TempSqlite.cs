using SocialRoi.Storage;

namespace SocialRoi.Grains.Tests;

/// <summary>A real SQLite store in a fresh temporary directory, removed afterwards.</summary>
public sealed class TempSqlite : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialroi-grains-").FullName;

    public string Uri => $"sqlite:{Path.Combine(_directory, "socialroi.db")}";

    public Task<IStorage> OpenAsync() => StorageUri.OpenAsync(Uri, CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
