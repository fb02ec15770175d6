using System.Security.Cryptography;
using SocialRoi.Storage;

namespace SocialRoi.Server.Security;

/// <summary>A new key: the secret to hand out once, and what storage keeps of it.</summary>
public sealed record NewApiKey(string Secret, StoredApiKey Stored);

/// <summary>SPEC §11: keys are 32 random bytes, stored as their SHA-256, never in the clear.</summary>
public static class ApiKeys
{
    public const string Prefix = "sr_";

    public static NewApiKey Create(IReadOnlyList<string> scopes, IReadOnlyList<string> accounts, DateTimeOffset now)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        return new NewApiKey(secret, new StoredApiKey(id, Hash(secret), scopes, accounts, now, null));
    }

    /// <summary>Keys carry 256 random bits, so a plain SHA-256 cannot be reversed or guessed from storage.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
