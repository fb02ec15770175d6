using SocialRoi.Storage.Postgres;
using SocialRoi.Storage.Sqlite;

namespace SocialRoi.Storage;

/// <summary>
/// Opens the store a storage URI names: <c>sqlite:PATH</c> (the embedded default) or
/// <c>postgres://user:password@host:port/database</c> (production).
/// </summary>
public static class StorageUri
{
    public const string Default = "sqlite:./data/socialroi.db";

    public static async Task<IStorage> OpenAsync(string uri, CancellationToken cancellationToken)
    {
        if (uri.StartsWith("sqlite:", StringComparison.Ordinal) && uri.Length > "sqlite:".Length)
            return await SqliteStorage.OpenAsync(uri["sqlite:".Length..], cancellationToken);
        if (uri.StartsWith("postgres://", StringComparison.Ordinal) || uri.StartsWith("postgresql://", StringComparison.Ordinal))
            return await PostgresStorage.OpenAsync(PostgresStorage.ConnectionString(uri), cancellationToken);
        throw new ArgumentException(
            $"storage \"{uri}\" is not supported: use sqlite:PATH (for example {Default}) or postgres://user:password@host:5432/database");
    }
}
