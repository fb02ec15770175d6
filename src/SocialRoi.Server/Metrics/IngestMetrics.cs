using System.Diagnostics;
using System.Diagnostics.Metrics;
using SocialRoi.Server.Ingest;

namespace SocialRoi.Server.Metrics;

/// <summary>SPEC §10: what ingest did with events, and how long a batch took (meter "SocialRoi.Ingest").</summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "SocialRoi.Ingest";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _events;
    private readonly Histogram<double> _batches;

    public IngestMetrics()
    {
        _events = _meter.CreateCounter<long>("socialroi_ingest_events", null, "Events received by ingest, by result: accepted, duplicate or rejected");
        _batches = _meter.CreateHistogram<double>("socialroi_ingest_batch_duration", "s", "Time to validate, store and apply one ingest batch");
        // Every result has a series from the start, so "no errors" reads 0, not "no data".
        foreach (var result in new[] { "accepted", "duplicate", "rejected" }) _events.Add(0, Result(result));
    }

    public void Record(IngestReport report, long startedTimestamp)
    {
        _events.Add(report.Accepted, Result("accepted"));
        _events.Add(report.Duplicates, Result("duplicate"));
        _events.Add(report.Rejected.Count, Result("rejected"));
        _batches.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);
    }

    private static KeyValuePair<string, object?> Result(string result) => new("result", result);

    public void Dispose() => _meter.Dispose();
}
