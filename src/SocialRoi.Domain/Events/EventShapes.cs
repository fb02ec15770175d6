using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace SocialRoi.Domain.Events;

/// <summary>SPEC §1: which fields each event type requires and which it may carry besides.</summary>
internal static class EventShapes
{
    public static readonly string[] Common = ["id", "account", "type", "at"];

    public static readonly string[] AllFields =
    [
        "id", "account", "type", "at", "platform", "actor", "customer", "post", "ref", "count", "amount",
        "currency", "campaign", "category", "promotional", "automated", "contentHash", "sentiment", "owned",
    ];

    /// <summary><see cref="AllFields"/> as UTF-8, as JSON readers see names.</summary>
    public static readonly byte[][] AllFieldsUtf8 = AllFields.Select(Encoding.UTF8.GetBytes).ToArray();

    private static readonly Dictionary<EventType, (string[] Required, string[] Optional)> Shapes = new()
    {
        [EventType.Post] = (["platform", "post"], ["campaign", "promotional", "contentHash"]),
        [EventType.Impression] = (["platform", "post"], ["count"]),
        [EventType.Like] = (["platform", "actor"], ["post"]),
        [EventType.Follow] = (["platform", "actor"], []),
        [EventType.Unfollow] = (["platform", "actor"], []),
        [EventType.Comment] = (["platform", "actor"], ["post", "sentiment"]),
        [EventType.Share] = (["platform", "actor"], ["post"]),
        [EventType.Click] = (["platform", "actor"], ["post", "owned"]),
        [EventType.Mention] = (["platform", "actor"], ["sentiment"]),
        [EventType.Message] = (["platform", "actor"], ["sentiment"]),
        [EventType.Reply] = (["platform", "ref"], ["automated", "sentiment"]),
        // Lead and purchase need actor+platform, customer, or both: checked apart.
        [EventType.Lead] = ([], ["platform", "actor", "customer"]),
        [EventType.Purchase] = (["amount"], ["platform", "actor", "customer", "currency"]),
        [EventType.Refund] = (["amount", "ref"], ["currency"]),
        [EventType.Cost] = (["amount"], ["platform", "campaign", "category", "currency"]),
        [EventType.Identify] = (["platform", "actor", "customer"], []),
    };

    // Every submitted field is checked against these: sets, not array scans, since ingest reads millions of fields.
    private static readonly FrozenDictionary<string, int> Known =
        AllFields.Select((field, index) => (field, index)).ToFrozenDictionary(f => f.field, f => f.index, StringComparer.Ordinal);
    private static readonly FrozenDictionary<EventType, FrozenSet<string>> Allowed = Shapes.ToFrozenDictionary(
        shape => shape.Key, shape => Common.Concat(shape.Value.Required).Concat(shape.Value.Optional).ToFrozenSet(StringComparer.Ordinal));

    public static IReadOnlyList<string> Required(EventType type) => Shapes[type].Required;

    public static bool IsKnown(string field) => Known.ContainsKey(field);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A known field's place in <see cref="AllFields"/>, or -1.</summary>
    public static int IndexOf(string field) => Known.GetValueOrDefault(field, -1);

    /// <summary>
    /// A known field's place, read from a name's raw UTF-8 bytes without making a string (the
    /// validating reader looks up ten names per event, over millions of events); -1 for any other name.
    /// </summary>
    public static int IndexOf(ReadOnlySpan<byte> utf8Name)
    {
        Span<char> name = stackalloc char[16]; // longer than any known field
        return utf8Name.Length <= name.Length && Ascii.ToUtf16(utf8Name, name, out var length) == OperationStatus.Done
            && KnownBySpan.TryGetValue(name[..length], out var index)
            ? index
            : -1;
    }

    /// <summary>
    /// A known field's place, found by comparing a name's raw UTF-8 bytes with the fields after the
    /// previous field's place, then from the start; -1 for any other name. Senders and the log write
    /// fields in one order, so the next field is usually a place or two on, and comparing those bytes
    /// is several times cheaper than looking the name up (both byte readers read millions of names).
    /// </summary>
    public static int FieldAfter(ReadOnlySpan<byte> utf8Name, int previous)
    {
        for (var step = 1; step <= AllFieldsUtf8.Length; step++)
        {
            var field = (previous + step) % AllFieldsUtf8.Length;
            if (utf8Name.SequenceEqual(AllFieldsUtf8[field])) return field;
        }
        return -1;
    }

    // The same shapes as bits, one per place in AllFields: the log reader checks every stored event's shape with two masks.
    private static readonly ulong[] AllowedMasks = Masks(type => Allowed[type]);
    private static readonly ulong[] RequiredMasks = Masks(type => Common.Concat(Shapes[type].Required));

    /// <summary>The fields a type allows, a bit per place in <see cref="AllFields"/>.</summary>
    public static ulong AllowedBits(EventType type) => AllowedMasks[(int)type];

    /// <summary>The fields a type requires (the common ones included), a bit per place in <see cref="AllFields"/>.</summary>
    public static ulong RequiredBits(EventType type) => RequiredMasks[(int)type];

    private static ulong[] Masks(Func<EventType, IEnumerable<string>> fields) =>
        Enum.GetValues<EventType>().Select(type => fields(type).Aggregate(0UL, (bits, field) => bits | 1UL << Known[field])).ToArray();

    public static bool Allows(EventType type, string field) => Allowed[type].Contains(field);
}
