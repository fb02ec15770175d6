using System.Text.Json;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Events;

/// <summary>
/// Reads an event back from the log's canonical JSON (<see cref="EventJson.Write"/>) straight from
/// its UTF-8 bytes. An account's activation reads every event it ever accepted, and the validating
/// reader (a JSON document, every rule, every message) took ~3 µs per event: seconds for a million.
/// The log holds only events that passed validation, so this reader checks their form (canonical
/// field order, the type's shape, each value's JSON kind), not the rules again; whatever is not in
/// that form it declines, and the validating reader decides.
/// </summary>
internal static class CanonicalEventReader
{
    // Names and timestamps are copied through a buffer on the stack; longer values (rare) are read as
    // strings. Small, because the stack buffer is zeroed for every event: 1,024 characters took most of the time.
    private const int LongestCopiedValue = 128;

    /// <summary>The event, or null when the JSON is not in canonical form.</summary>
    public static EngagementEvent? TryRead(ReadOnlySpan<byte> json, NamePool names)
    {
        try
        {
            return Read(json, names);
        }
        catch (JsonException)
        {
            return null; // malformed: the validating reader says what is wrong
        }
    }

    private static EngagementEvent? Read(ReadOnlySpan<byte> json, NamePool names)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        Span<char> text = stackalloc char[LongestCopiedValue];
        var draft = new EventDraft();
        EventType? type = null;
        var seen = 0UL;
        var last = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Canonical order is AllFields' order: a field out of order, repeated or unknown is not canonical.
            var field = NextField(ref reader, last);
            if (field < 0) return null;
            last = field;
            seen |= 1UL << field;
            if (!reader.Read()) return null;
            if (type is { } known && (EventShapes.AllowedBits(known) & 1UL << field) == 0) return null;
            var read = EventShapes.AllFields[field] switch
            {
                "id" => Unique(ref reader, out draft.Id),
                "account" => Shared(ref reader, names, text, out draft.Account),
                "type" => JsonTokens.WireName(ref reader, out type),
                "at" => At(ref reader, text, out draft.At),
                "platform" => Shared(ref reader, names, text, out draft.Platform),
                "actor" => Shared(ref reader, names, text, out draft.Actor),
                "customer" => Shared(ref reader, names, text, out draft.Customer),
                "post" => Shared(ref reader, names, text, out draft.Post),
                "ref" => Unique(ref reader, out draft.Ref),
                "count" => JsonTokens.WholeNumber(ref reader, out draft.Count),
                "amount" => Amount(ref reader, out draft.Amount),
                "currency" => Shared(ref reader, names, text, out draft.Currency),
                "campaign" => Shared(ref reader, names, text, out draft.Campaign),
                "category" => JsonTokens.WireName(ref reader, out draft.Category),
                "promotional" => JsonTokens.Flag(ref reader, out draft.Promotional),
                "automated" => JsonTokens.Flag(ref reader, out draft.Automated),
                "contentHash" => Unique(ref reader, out draft.ContentHash),
                "sentiment" => JsonTokens.Number(ref reader, out draft.Sentiment),
                "owned" => JsonTokens.Flag(ref reader, out draft.Owned),
                _ => false,
            };
            if (!read) return null;
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return null;
        if (type is not { } eventType) return null;
        var required = EventShapes.RequiredBits(eventType);
        return (seen & required) == required ? draft.ToEvent(eventType) : null;
    }

    /// <summary>The place in AllFields of the property name the reader is on, when it comes after the previous field's; else -1.</summary>
    private static int NextField(ref Utf8JsonReader reader, int previous)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence) return -1;
        var field = EventShapes.FieldAfter(reader.ValueSpan, previous);
        return field > previous ? field : -1;
    }

    private static bool Unique(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool Shared(ref Utf8JsonReader reader, NamePool names, scoped Span<char> text, out string? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String) return false;
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        // Unescaped, a UTF-8 string never has more UTF-16 units than it had bytes.
        value = length <= text.Length ? names.Share(text[..reader.CopyString(text)]) : names.Share(reader.GetString()!);
        return true;
    }

    private static bool At(ref Utf8JsonReader reader, scoped Span<char> text, out DateTimeOffset? at)
    {
        at = null;
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueSpan.Length > text.Length) return false;
        if (!Timestamps.TryParseRfc3339(text[..reader.CopyString(text)], out var parsed)) return false;
        at = parsed;
        return true;
    }

    private static bool Amount(ref Utf8JsonReader reader, out decimal? amount)
    {
        amount = reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var parsed) ? parsed : null;
        return amount is not null;
    }
}
