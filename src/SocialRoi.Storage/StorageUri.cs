using SocialRoi.Storage.Sqlite;

namespace SocialRoi.Storage;

/// <summary>Opens the store a storage URI names: <c>sqlite:PATH</c> (the embedded default).</summary>
public static class StorageUri
{
    public const string Default = "sqlite:./data/socialroi.db";

    public static async Task<IStorage> OpenAsync(string uri, CancellationToken cancellationToken)
    {
        if (uri.StartsWith("sqlite:", StringComparison.Ordinal) && uri.Length > "sqlite:".Length)
            return await SqliteStorage.OpenAsync(uri["sqlite:".Length..], cancellationToken);
        throw new ArgumentException(
            $"storage \"{uri}\" is not supported: use sqlite:PATH, for example {Default}");
    }
}
