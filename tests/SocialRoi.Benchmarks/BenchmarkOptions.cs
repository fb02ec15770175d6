namespace SocialRoi.Benchmarks;

/// <summary>The command line of the issue-12 measurements: which store, and whether this is CI's quick smoke.</summary>
/// <param name="Postgres">--storage: the account grains store their events on this PostgreSQL server instead of SQLite.</param>
public sealed record BenchmarkOptions(string? Postgres, bool Smoke, bool Write)
{
    /// <summary>Where target 2 and the SQL baselines run (see <see cref="Measurements.BaselineServer"/>); null when nowhere.</summary>
    public string? BaselineServer { get; init; }

    /// <summary>Server settings for measuring throughput: no rate limit in the way.</summary>
    public static readonly string[] Unlimited = ["--Security:RequestsPerSecond=1000000", "--Security:Burst=1000000"];

    public static BenchmarkOptions Parse(string[] args)
    {
        string? postgres = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--storage" && args[i + 1].StartsWith("postgres", StringComparison.Ordinal)) postgres = args[i + 1];
        }
        return new BenchmarkOptions(postgres, args.Contains("--smoke"), !args.Contains("--smoke"));
    }
}
