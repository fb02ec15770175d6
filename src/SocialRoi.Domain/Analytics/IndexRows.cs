using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Analytics;

// What queries read of each event, kept by ingest as rows of plain values beside the event objects
// (see TimedRows): a quarter's rows are read as contiguous memory.

/// <summary>
/// An event as the funnel counts it, for every type but posts, costs and impressions: its instant in
/// ticks, its post's and platform's numbers, its type. One row for most events, so it is kept to 16
/// bytes: the type rides in the platform number's low bits, and no campaign is kept, since only posts
/// and costs count under their own campaign (SPEC §7), other events under their post's.
/// </summary>
public readonly struct FunnelFact : ITimedRow
{
    private const int TypeBits = 5;

    // The instant first: a struct's fields lie in the order they are declared, and an int before it
    // would pad the row to 24 bytes.
    public long At { get; }

    public int Post { get; }

    private readonly int _platformAndType;

    public FunnelFact(long at, int post, int platform, EventType type)
    {
        // Numbers count an account's distinct names; 2^26 of them would not fit in memory anyway.
        if (platform >= 1 << (31 - TypeBits)) throw new InvalidOperationException($"an account's funnel names are numbered below {1 << (31 - TypeBits):N0}");
        (At, Post, _platformAndType) = (at, post, platform << TypeBits | (int)type);
    }

    public EventType Type => (EventType)(_platformAndType & ((1 << TypeBits) - 1));

    public FunnelKeys Keys => new(Post, _platformAndType >> TypeBits, FunnelNames.None);
}

/// <summary>A post event as the funnel counts it: its instant in ticks, its keys (a post counts under its own campaign).</summary>
public readonly record struct PostFact(long At, FunnelKeys Keys) : ITimedRow;

/// <summary>A cost event as money figures and the funnel count it: its instant in ticks, its keys, its amount and category.</summary>
public readonly record struct FunnelCost(long At, FunnelKeys Keys, decimal Amount, CostCategory Category) : ITimedRow;

/// <summary>
/// A lead, purchase or refund as money figures and the funnel read it: its instant in ticks, the
/// event, its amount (0 for a lead), and a number among the account's conversions: a lead's or
/// purchase's own, a refund's purchase's (<see cref="NoPurchase"/> while no purchase has its ref).
/// </summary>
public readonly record struct ConversionRow(long At, EngagementEvent Event, int Number, EventType Type, decimal Amount) : ITimedRow
{
    public const int NoPurchase = -1;

    /// <summary>Rows at one instant in id order, as the events are: sums of credit shares depend on their order in the last digit.</summary>
    public static int SameInstant(ConversionRow row, ConversionRow other) => Utf8Order.Compare(row.Event.Id, other.Event.Id);
}

/// <summary>
/// An impression event as summaries and the funnel read it: its instant in ticks, its count, its keys.
/// Apart from <see cref="FunnelFact"/>, which then needs no count: one row per event of a million.
/// </summary>
public readonly record struct ImpressionCount(long At, long Count, FunnelKeys Keys) : ITimedRow;
