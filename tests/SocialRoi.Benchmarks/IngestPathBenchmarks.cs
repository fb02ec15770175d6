using System.Text;
using BenchmarkDotNet.Attributes;
using SocialRoi.Domain.Events;
using SocialRoi.Server.Ingest;

namespace SocialRoi.Benchmarks;

/// <summary>
/// What ingest and activation do per event before any index: a POST's NDJSON batch parsed and
/// every event validated (SPEC §1 rules), the canonical bodies written for the log, and read back.
/// </summary>
[MemoryDiagnoser]
public class IngestPathBenchmarks
{
    private const int Batch = 5_000;
    private static readonly DateTimeOffset Now = SyntheticAccount.Start.AddDays(366);
    private readonly BatchBody _body = new(new IngestLimits(), new FixedClock(Now));
    private byte[] _ndjson = [];
    private byte[][] _logged = [];
    private List<EngagementEvent> _accepted = [];

    [GlobalSetup]
    public void Setup()
    {
        _accepted = SyntheticAccount.Events("bench", Batch).ToList();
        var events = _accepted.Select(EventJson.Write).ToList();
        _ndjson = Encoding.UTF8.GetBytes(string.Join('\n', events));
        _logged = events.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>A batch of 5,000 events as POST /api/v1/events reads it: each line parsed and its event checked.</summary>
    [Benchmark]
    public int Parse_and_validate_an_NDJSON_batch_of_5000()
    {
        var valid = _body.Read(_ndjson, isNdjson: true).Count(submitted => submitted.Event is not null);
        return valid == Batch ? valid : throw new InvalidOperationException($"{Batch - valid} synthetic events were rejected");
    }

    /// <summary>5,000 accepted events written as the log stores them: their canonical JSON.</summary>
    [Benchmark]
    public int Write_5000_canonical_bodies() => _accepted.Sum(e => EventJson.Write(e).Length);

    /// <summary>5,000 events of the log read back as an activation reads them, names shared within the account.</summary>
    [Benchmark]
    public int Read_5000_logged_events()
    {
        var names = new NamePool();
        return _logged.Count(body => EventJson.Read(body, names) is not null);
    }
}

/// <summary>The synthetic year runs past today: its events are checked as of the day after it ends.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
