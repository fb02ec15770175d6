using System.Diagnostics.Metrics;
using SocialRoi.Grains.Hosting;

namespace SocialRoi.Grains.Tests;

/// <summary>The grain host keeps Orleans' promises: one activation per id, one call at a time, idle collection.</summary>
public class GrainHostTests
{
    /// <summary>A grain that records how many calls were inside it at once, and its lifecycle.</summary>
    private sealed class ProbeGrain : Grain
    {
        private int _inside;
        public int MostInsideAtOnce;
        public int Activations, Deactivations;

        public override Task OnActivateAsync(CancellationToken cancellationToken)
        {
            Activations++;
            return Task.CompletedTask;
        }

        public override Task OnDeactivateAsync(CancellationToken cancellationToken)
        {
            Deactivations++;
            return Task.CompletedTask;
        }

        public async Task<ProbeGrain> Work(Func<Task> during)
        {
            MostInsideAtOnce = Math.Max(MostInsideAtOnce, Interlocked.Increment(ref _inside));
            await during();
            Interlocked.Decrement(ref _inside);
            return this;
        }
    }

    private static GrainHost<ProbeGrain> Host(TimeSpan collectionAge, List<ProbeGrain>? created = null, IIncomingGrainCallFilter? filter = null) =>
        new(_ =>
            {
                var grain = new ProbeGrain();
                created?.Add(grain);
                return grain;
            },
            new GrainHostOptions { CollectionAge = collectionAge, CollectionInterval = TimeSpan.FromMilliseconds(20) },
            filter is null ? [] : [filter], TimeProvider.System);

    [Fact]
    public async Task Calls_to_one_grain_run_one_at_a_time_on_a_single_activation()
    {
        var created = new List<ProbeGrain>();
        await using var host = Host(TimeSpan.FromMinutes(5), created);
        var calls = Enumerable.Range(0, 20).Select(_ => host.InvokeAsync("acme", "Work", g => g.Work(() => Task.Delay(5))));
        var grains = await Task.WhenAll(calls);

        Assert.Single(created);
        Assert.All(grains, g => Assert.Same(created[0], g));
        Assert.Equal(1, created[0].MostInsideAtOnce);
        Assert.Equal(1, created[0].Activations);
    }

    [Fact]
    public async Task Different_grains_do_not_wait_for_each_other()
    {
        await using var host = Host(TimeSpan.FromMinutes(5));
        var bothInside = new Barrier(2);
        // Each call waits inside its grain until the other is inside too: a shared lock would never get there.
        var calls = new[] { "acme", "globex" }.Select(id => host.InvokeAsync(id, "Work",
            g => g.Work(() => Task.Run(() => Assert.True(bothInside.SignalAndWait(TimeSpan.FromSeconds(10)))))));
        await Task.WhenAll(calls);
        Assert.Equal(2, host.ActivationCount);
    }

    [Fact]
    public async Task An_idle_activation_is_collected_and_the_next_call_activates_afresh()
    {
        var created = new List<ProbeGrain>();
        await using var host = Host(TimeSpan.FromMilliseconds(150), created);
        await host.InvokeAsync("acme", "Work", g => g.Work(() => Task.CompletedTask));
        Assert.Equal(1, host.ActivationCount);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.ActivationCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(0, host.ActivationCount);
        Assert.Equal(1, created[0].Deactivations);
        await host.InvokeAsync("acme", "Work", g => g.Work(() => Task.CompletedTask));
        Assert.Equal(2, created.Count);
        Assert.Equal(2, host.ActivationsTotal);
    }

    [Fact]
    public async Task A_busy_activation_is_not_collected()
    {
        var created = new List<ProbeGrain>();
        await using var host = Host(TimeSpan.FromMilliseconds(50), created);
        await host.InvokeAsync("acme", "Work", g => g.Work(() => Task.Delay(400)));
        Assert.Single(created);
        Assert.Equal(0, created[0].Deactivations);
    }

    private sealed class CountingFilter : IIncomingGrainCallFilter
    {
        public readonly List<string> Seen = [];

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            lock (Seen) Seen.Add($"{context.GrainId}.{context.MethodName}");
            await context.Invoke();
        }
    }

    [Fact]
    public async Task Every_call_passes_through_the_call_filter()
    {
        var filter = new CountingFilter();
        await using var host = Host(TimeSpan.FromMinutes(5), filter: filter);
        await host.InvokeAsync("acme", "Work", g => g.Work(() => Task.CompletedTask));
        await host.InvokeAsync("globex", "Other", g => g.Work(() => Task.CompletedTask));
        Assert.Equal(["acme.Work", "globex.Other"], filter.Seen);
    }

    [Fact]
    public async Task The_metrics_filter_times_every_call_by_method_and_outcome()
    {
        var seen = new List<(string Method, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GrainCallMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            Assert.True(seconds >= 0);
            var tagged = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            lock (seen) seen.Add((tagged["method"], tagged["outcome"]));
        });
        listener.Start();

        using var metrics = new GrainCallMetrics();
        await using var host = Host(TimeSpan.FromMinutes(5), filter: metrics);
        await host.InvokeAsync("acme", "Work", g => g.Work(() => Task.CompletedTask));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.InvokeAsync("acme", "Fail", g => g.Work(() => throw new InvalidOperationException("boom"))));

        lock (seen) Assert.Equal([("Work", "ok"), ("Fail", "error")], seen);
    }
}
