namespace SocialRoi.Server.Apis;

/// <summary>A request body that breaks rules; each error names the field, the value and the rule.</summary>
public sealed class InvalidBodyException(IReadOnlyList<string> errors) : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
