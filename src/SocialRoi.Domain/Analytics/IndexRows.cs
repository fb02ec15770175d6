using SocialRoi.Domain.Events;

namespace SocialRoi.Domain.Analytics;

// What queries read of each event, kept by ingest as rows of plain values beside the event objects
// (see TimedRows): a quarter's rows are read as contiguous memory.

/// <summary>An event as the funnel counts it, for every type but costs and impressions: its instant in ticks, its keys.</summary>
public readonly record struct FunnelFact(long At, FunnelKeys Keys, EventType Type) : ITimedRow;

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
    public static int SameInstant(ConversionRow row, ConversionRow other) => string.CompareOrdinal(row.Event.Id, other.Event.Id);
}

/// <summary>
/// An impression event as summaries and the funnel read it: its instant in ticks, its count, its keys.
/// Apart from <see cref="FunnelFact"/>, which then needs no count: one row per event of a million.
/// </summary>
public readonly record struct ImpressionCount(long At, long Count, FunnelKeys Keys) : ITimedRow;
