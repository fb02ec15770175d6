namespace SocialRoi.Domain.Events;

/// <summary>SPEC §1: every event type, grouped as the spec groups them.</summary>
public enum EventType
{
    // content (brand → audience)
    Post,
    // vanity (audience, low intent)
    Impression, Like, Follow, Unfollow,
    // engagement (audience, intent)
    Comment, Share, Click, Mention, Message,
    // response (brand → audience)
    Reply,
    // conversion
    Lead, Purchase, Refund,
    // money out
    Cost,
    // identity
    Identify,
}

public static class EventTypeNames
{
    public static IEnumerable<string> All => WireNames<EventType>.All;

    /// <summary>The lower-case name used on the wire, in storage and in metrics.</summary>
    public static string Wire(this EventType type) => WireNames<EventType>.Of(type);

    public static bool TryParse(ReadOnlySpan<char> name, out EventType type) => WireNames<EventType>.TryParse(name, out type);

    /// <summary>SPEC §5: inbound events are the ones a brand is expected to answer.</summary>
    public static bool IsInbound(this EventType type) => type is EventType.Comment or EventType.Mention or EventType.Message;

    /// <summary>The inbound types, for reading them type by type from an index.</summary>
    public static readonly IReadOnlyList<EventType> Inbound = Enum.GetValues<EventType>().Where(IsInbound).ToArray();

    /// <summary>SPEC §2 tier 4: events that show intent.</summary>
    public static bool IsEngagement(this EventType type) =>
        type is EventType.Comment or EventType.Share or EventType.Mention or EventType.Message or EventType.Click;

    /// <summary>SPEC §4: the events that can credit a post.</summary>
    public static bool IsTouch(this EventType type) =>
        type is EventType.Like or EventType.Comment or EventType.Share or EventType.Click;

    public static bool IsConversion(this EventType type) => type is EventType.Lead or EventType.Purchase;

    public static bool IsMoney(this EventType type) => type is EventType.Purchase or EventType.Refund or EventType.Cost;
}
