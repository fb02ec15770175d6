using System.Diagnostics;
using System.Diagnostics.Metrics;
using SocialRoi.Domain.Events;

namespace SocialRoi.Grains.Calls;

/// <summary>
/// SPEC §10 counters of the account grains, on the "SocialRoi.Grains" meter: events stored, event
/// log write time, and account grains active in this silo.
/// </summary>
public sealed class AccountMetrics : IDisposable
{
    public const string MeterName = "SocialRoi.Grains.Accounts";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _events;
    private readonly Histogram<double> _writes;
    private readonly UpDownCounter<long> _activations;

    public AccountMetrics()
    {
        _events = _meter.CreateCounter<long>("socialroi_events", null, "Events stored, by account, platform and type");
        _writes = _meter.CreateHistogram<double>("socialroi_storage_write_duration", "s", "Time one event log append took, commit included");
        _activations = _meter.CreateUpDownCounter<long>("socialroi_grain_activations", null, "Account grains active in this node's silo");
    }

    public void Stored(EngagementEvent e) => _events.Add(1,
        new KeyValuePair<string, object?>("account", e.Account),
        new KeyValuePair<string, object?>("platform", e.Platform ?? "none"),
        new KeyValuePair<string, object?>("type", e.Type.Wire()));

    public void Wrote(long startedTimestamp) => _writes.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);

    public void Activated() => _activations.Add(1);

    public void Deactivated() => _activations.Add(-1);

    public void Dispose() => _meter.Dispose();
}
