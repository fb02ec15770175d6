using System.Security.Cryptography;
using System.Text;

namespace SocialRoi.Server.Imports;

/// <summary>
/// SPEC §13: an e-mail address or phone number becomes a customer id by a keyed hash, so the same
/// person matches across files and formats while the address itself is never stored:
/// "h:" + the first 32 hex digits of HMAC-SHA256(installation key, trimmed lower-cased text).
/// </summary>
public sealed class CustomerIds(byte[] key)
{
    /// <summary>The installation secret's name in storage.</summary>
    public const string SecretName = "customer-id-hmac-key";

    public string Of(string emailOrPhone) =>
        "h:" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(emailOrPhone.Trim().ToLowerInvariant())))[..32];
}
