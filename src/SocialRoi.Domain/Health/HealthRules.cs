namespace SocialRoi.Domain.Health;

/// <summary>How a figure trips a level: below it, above it, at least it, or exactly zero.</summary>
public enum Trips { Below, Above, AtLeast, IsZero }

/// <summary>One level of a check (SPEC §8 table): "&lt; 0.75", "&gt; 3", "≥ 5", "0".</summary>
public sealed record Limit(Trips Trips, double Value)
{
    public bool IsTrippedBy(double figure) => Trips switch
    {
        Trips.Below => figure < Value,
        Trips.Above => figure > Value,
        Trips.AtLeast => figure >= Value,
        _ => figure == 0,
    };

    public static Limit Below(double value) => new(Trips.Below, value);
    public static Limit Above(double value) => new(Trips.Above, value);
    public static Limit AtLeast(double value) => new(Trips.AtLeast, value);
    public static readonly Limit Zero = new(Trips.IsZero, 0);
}

/// <summary>A check's id and levels, exactly as the SPEC §8 table gives them.</summary>
public sealed record HealthRule(string Id, Limit? Warn, Limit Fail)
{
    public static readonly IReadOnlyList<HealthRule> All =
    [
        new("no-goals", null, Limit.Zero),
        new("posting-consistency", Limit.Below(0.75), Limit.Below(0.5)),
        new("posting-decay", Limit.Below(0.5), Limit.Below(0.25)),
        new("over-posting", Limit.Above(3), Limit.Above(6)),
        new("self-promotion", Limit.Above(0.2), Limit.Above(0.5)),
        new("response-rate", Limit.Below(0.9), Limit.Below(0.65)),
        new("response-time", Limit.Above(30), Limit.Above(1440)),
        new("ignored-complaints", Limit.AtLeast(1), Limit.AtLeast(5)),
        new("over-automation", Limit.Above(0.5), Limit.Above(0.9)),
        new("talk-vs-listen", Limit.Below(1), Limit.Below(0.25)),
        new("negative-tone", Limit.Above(0.02), Limit.Above(0.1)),
        new("repeated-content", Limit.Above(2), Limit.Above(5)),
        new("same-everywhere", Limit.Above(0.5), Limit.Above(0.8)),
        new("vanity-audience", Limit.Above(0.8), Limit.Above(0.95)),
        new("roi-unmeasurable", null, Limit.Zero),
        new("hidden-costs", Limit.Below(0.1), Limit.Zero),
        new("owned-assets", Limit.Below(0.5), Limit.Below(0.2)),
    ];

    public HealthThreshold Threshold => new(Warn?.Value, Fail.Value);

    /// <summary>Fail when the fail level trips, else warn when the warn level trips, else ok; unknown without a figure.</summary>
    public HealthStatus Judge(double? figure) => figure switch
    {
        null => HealthStatus.Unknown,
        { } v when Fail.IsTrippedBy(v) => HealthStatus.Fail,
        { } v when Warn?.IsTrippedBy(v) == true => HealthStatus.Warn,
        _ => HealthStatus.Ok,
    };
}
