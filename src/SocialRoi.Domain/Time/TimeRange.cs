namespace SocialRoi.Domain.Time;

/// <summary>SPEC §3: a half-open range, from ≤ at &lt; to, in UTC.</summary>
public readonly record struct TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(90);

    public bool Contains(DateTimeOffset at) => From <= at && at < To;
}
