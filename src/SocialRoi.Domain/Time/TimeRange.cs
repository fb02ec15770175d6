namespace SocialRoi.Domain.Time;

/// <summary>SPEC §3: a half-open range, from ≤ at &lt; to, in UTC.</summary>
public readonly record struct TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(90);

    public bool Contains(DateTimeOffset at) => From <= at && at < To;

    /// <summary>Resolves the query parameters; defaults are to = now, from = to − 90 days.</summary>
    public static TimeRange Resolve(string? from, string? to, DateTimeOffset now)
    {
        var end = to is null ? now : ParseBound("to", to);
        var start = from is null ? end - DefaultLength : ParseBound("from", from);
        if (start >= end)
            throw new QueryParameterException("from", from ?? Timestamps.Format(start),
                $"from must be earlier than to ({Timestamps.Format(end)})");
        return new TimeRange(start, end);
    }

    private static DateTimeOffset ParseBound(string name, string text) =>
        Timestamps.TryParseQueryInstant(text, out var instant)
            ? instant
            : throw new QueryParameterException(name, text,
                $"{name} must be an RFC 3339 timestamp with offset (2026-07-01T09:30:00Z) or a date (2026-07-01)");
}

/// <summary>A query parameter that cannot be used; the message says what to send instead.</summary>
public sealed class QueryParameterException(string parameter, string value, string rule)
    : Exception($"{rule}, got \"{value}\"")
{
    public string Parameter { get; } = parameter;
}
