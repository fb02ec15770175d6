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

    /// <summary>
    /// How long a running account goes at most between tries to write its snapshot, quiet or not. An
    /// account under a steady live feed never has a quiet minute, so without this a killed node's
    /// restart parsed every event it had taken in since its last pause from the log's JSON. A try
    /// every quarter of an hour costs a million-event account ~1 s of a core, and only when 20,000
    /// events or more are missing from its snapshot.
    /// </summary>
    public TimeSpan AtLeastEvery { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a running account looks whether a snapshot is due.</summary>
    public TimeSpan CheckEvery => WhenQuietFor < AtLeastEvery ? WhenQuietFor : AtLeastEvery;
}
