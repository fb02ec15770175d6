namespace SocialRoi.Server.Metrics;

/// <summary>Bound from "Metrics" (SPEC §10): the live boards' trailing window and how many accounts they show.</summary>
public sealed record MetricsOptions
{
    /// <summary>Business gauges cover [now − WindowDays, now).</summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>At most this many accounts get gauges, busiest (most events) first.</summary>
    public int MaxAccounts { get; init; } = 500;

    /// <summary>
    /// Series one metric may hold: OpenTelemetry's default of 2,000 would silently drop per-account
    /// series (500 accounts × 5 platforms × 5 funnel stages is 12,500), so it scales with MaxAccounts.
    /// </summary>
    public int CardinalityLimit => Math.Max(2_000, MaxAccounts * 200);
}
