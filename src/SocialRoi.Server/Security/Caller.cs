using SocialRoi.Storage;

namespace SocialRoi.Server.Security;

/// <summary>Who is asking: the API key a request presented, or anyone when no key exists (loopback only).</summary>
public sealed record Caller(StoredApiKey? Key)
{
    public static readonly Caller Anyone = new((StoredApiKey?)null);

    public bool Has(string scope) => Key is null || Key.Scopes.Contains(scope);

    public bool Allows(string account) => Key is null || Key.Accounts.Contains("*") || Key.Accounts.Contains(account);
}

public static class CallerExtensions
{
    public static Caller Caller(this HttpContext http) => http.Features.Get<Caller>() ?? Security.Caller.Anyone;
}
