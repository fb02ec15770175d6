namespace SocialRoi.Grains.Accounts;

/// <summary>
/// When a running account writes its snapshot (bound from the "Snapshots" configuration section).
/// Deactivation writes one too, but a node that is killed never deactivates: without snapshots
/// written while running, its accounts came back from their whole log (~3 s for a million events
/// instead of ~2 s).
/// </summary>
public sealed record SnapshotSchedule
{
    /// <summary>
    /// How long an account takes in no events before it writes its snapshot. Writing one holds the
    /// account for ~1 s per million events, so it waits for a pause in ingest rather than
    /// slowing an export that is still arriving; queries do not count as activity.
    /// </summary>
    public TimeSpan WhenQuietFor { get; init; } = TimeSpan.FromMinutes(1);
}
