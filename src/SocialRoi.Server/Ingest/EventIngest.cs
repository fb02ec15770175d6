using System.Diagnostics;
using SocialRoi.Domain.Events;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Server.Metrics;

namespace SocialRoi.Server.Ingest;

/// <summary>
/// Ingest, one way: hand a batch's valid events (checked as <see cref="BatchBody"/> read them) to
/// their account grains, which append them durably, then apply them; report per event. Valid
/// events are kept even when others in the batch are rejected.
/// </summary>
public sealed class EventIngest(IGrainFactory grains, IngestMetrics metrics)
{
    /// <param name="unit">What the index counts in messages: "event" for POST /events, "row" for an import's data rows.</param>
    public async Task<IngestReport> IngestAsync(IReadOnlyList<SubmittedEvent> batch, string unit = "event")
    {
        var started = Stopwatch.GetTimestamp();
        var rejected = new List<Rejection>();
        var valid = new List<(SubmittedEvent Submitted, EngagementEvent Event)>(batch.Count);
        foreach (var submitted in batch)
        {
            if (submitted.Event is { } e) valid.Add((submitted, e));
            else rejected.Add(Reject(unit, submitted.Index, submitted.Id, submitted.Error!));
        }

        int accepted = 0, duplicates = 0;
        var byAccount = valid.GroupBy(v => v.Event.Account, StringComparer.Ordinal).ToList();
        var outcomes = await Task.WhenAll(byAccount.Select(group =>
            grains.GetGrain<IAccountGrain>(group.Key).RecordAsync(new EventBatch(group.Select(v => v.Event).ToList()))));
        for (var g = 0; g < byAccount.Count; g++)
        {
            foreach (var (item, outcome) in byAccount[g].Zip(outcomes[g]))
            {
                switch (outcome.Kind)
                {
                    case EventOutcomeKind.Accepted: accepted++; break;
                    case EventOutcomeKind.Duplicate: duplicates++; break;
                    default: rejected.Add(Reject(unit, item.Submitted.Index, item.Event.Id, outcome.Error!)); break;
                }
            }
        }
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        var report = new IngestReport(accepted, duplicates, rejected);
        metrics.Record(report, started);
        return report;
    }

    /// <summary>STYLE: an error names the event by index and id, then the field, value and rule.</summary>
    private static Rejection Reject(string unit, int index, string? id, string error) =>
        new(index, id, id is null ? $"{unit} {index}: {error}" : $"{unit} {index} (\"{id}\"): {error}");
}
