namespace SocialRoi.Storage;

/// <summary>An API key as storage keeps it: never the key itself, only its SHA-256 (SPEC §11).</summary>
public sealed record StoredApiKey(
    string Id, string Hash, IReadOnlyList<string> Scopes, IReadOnlyList<string> Accounts, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The api_keys table, shared by every node on the store, so a key works on all of them.</summary>
public interface IApiKeyStore
{
    Task AddKeyAsync(StoredApiKey key, CancellationToken cancellationToken);

    /// <summary>Every key ever created, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<StoredApiKey>> ListKeysAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a key; false when no active key has that id.</summary>
    Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
