namespace SocialRoi.Server.Apis;

/// <summary>A query parameter that cannot be used; the message says what to send instead.</summary>
public sealed class QueryParameterException(string parameter, string value, string rule)
    : Exception($"{rule}, got \"{value}\"")
{
    public string Parameter { get; } = parameter;
}
