using System.Diagnostics;
using System.Diagnostics.Metrics;
using SocialRoi.Grains.Interfaces;

namespace SocialRoi.Grains.Calls;

/// <summary>
/// An Orleans incoming grain call filter that times every call to an account grain; the /metrics
/// endpoint reads the "SocialRoi.Grains" meter.
/// </summary>
public sealed class GrainCallMetrics : IIncomingGrainCallFilter, IDisposable
{
    public const string MeterName = "SocialRoi.Grains";

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _duration;

    public GrainCallMetrics() =>
        _duration = _meter.CreateHistogram<double>("socialroi_grain_call_duration_seconds", "s", "Time one account grain call took, queueing excluded");

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is not IAccountGrain) // Orleans' own system and dashboard grains pass untimed
        {
            await context.Invoke();
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await context.Invoke();
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("method", context.MethodName),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void Dispose() => _meter.Dispose();
}
