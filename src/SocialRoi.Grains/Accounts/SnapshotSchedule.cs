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
    /// How long an account takes in no events before it writes its snapshot. Writing one costs ~1 s
    /// of a core per million events, so it waits for a pause in ingest rather than taking CPU from
    /// an export that is still arriving (and writing again as it grows); queries do not count as activity.
    /// </summary>
    public TimeSpan WhenQuietFor { get; init; } = TimeSpan.FromMinutes(1);
}
