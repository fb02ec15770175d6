namespace SocialRoi.Domain.Health;

/// <summary>SPEC §8: how a check came out. Unknown when its window holds nothing to judge.</summary>
public enum HealthStatus { Ok, Warn, Fail, Unknown }

/// <summary>The figure at which a check turns warn or fail (null where the check has no such level).</summary>
public sealed record HealthThreshold(double? Warn, double? Fail);

/// <summary>SPEC §8: one measured mistake, with its figure, its thresholds and what to do.</summary>
public sealed record HealthCheck(string Id, string Status, double? Value, HealthThreshold? Threshold, string Message);
