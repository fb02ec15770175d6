using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Events;

public static partial class EventReader
{
    /// <summary>
    /// A submitted event read in one pass over its UTF-8 JSON, every rule checked, without building
    /// a JSON document first; null when the event breaks any rule or is written in a way this pass
    /// does not read (a name with escapes, a value that is an object or array), so that
    /// <see cref="Read(JsonElement, DateTimeOffset?)"/> reads it and says what is wrong.
    /// </summary>
    /// <remarks>
    /// Ingest reads millions of events, nearly all of them valid: the JSON document per event was
    /// the costliest step of reading them and a tenth of ingest's garbage.
    /// </remarks>
    public static EngagementEvent? TryReadValid(ReadOnlySpan<byte> utf8Json, DateTimeOffset now)
    {
        try
        {
            return ReadValid(utf8Json, now);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return null; // not JSON, or text that cannot be decoded: the document reader reports it
        }
    }

    private static EngagementEvent? ReadValid(ReadOnlySpan<byte> utf8Json, DateTimeOffset now)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        var draft = new EventDraft();
        EventType? type = null;
        var seen = 0UL;
        var field = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            field = reader.ValueIsEscaped ? -1 : EventShapes.FieldAfter(reader.ValueSpan, field);
            if (field < 0 || (seen & 1UL << field) != 0) return null; // unknown or repeated: the rules name it
            seen |= 1UL << field;
            if (!reader.Read()) return null;
            var valid = EventShapes.AllFields[field] switch
            {
                "id" => Text(ref reader, 1, 128, out draft.Id),
                "account" => Pattern(ref reader, AccountPattern(), AccountRule, out draft.Account),
                "type" => JsonTokens.WireName(ref reader, out type),
                "at" => At(ref reader, now, out draft.At),
                "platform" => Pattern(ref reader, PlatformPattern(), PlatformRule, out draft.Platform),
                "actor" => Text(ref reader, 1, 256, out draft.Actor),
                "customer" => Text(ref reader, 1, 256, out draft.Customer),
                "post" => Text(ref reader, 1, 256, out draft.Post),
                "ref" => Text(ref reader, 1, 128, out draft.Ref),
                "count" => Count(ref reader, out draft.Count),
                "amount" => Amount(ref reader, out draft.Amount),
                "currency" => Pattern(ref reader, CurrencyPattern(), CurrencyRule, out draft.Currency),
                "campaign" => Text(ref reader, 1, 128, out draft.Campaign),
                "category" => JsonTokens.WireName(ref reader, out draft.Category),
                "promotional" => JsonTokens.Flag(ref reader, out draft.Promotional),
                "automated" => JsonTokens.Flag(ref reader, out draft.Automated),
                "contentHash" => Text(ref reader, 1, 128, out draft.ContentHash),
                "sentiment" => Sentiment(ref reader, out draft.Sentiment),
                "owned" => JsonTokens.Flag(ref reader, out draft.Owned),
                _ => false,
            };
            if (!valid) return null;
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return null;
        if (type is not { } known || !HasItsShape(known, seen)) return null;
        return draft.ToEvent(known);
    }

    /// <summary>Every field the type requires and none it does not use; on a conversion, someone who converted.</summary>
    private static bool HasItsShape(EventType type, ulong seen)
    {
        var required = EventShapes.RequiredBits(type);
        if ((seen & required) != required || (seen & ~EventShapes.AllowedBits(type)) != 0) return false;
        return !type.IsConversion() || WhoConvertedRule(type, Has(seen, "platform"), Has(seen, "actor"), Has(seen, "customer")) is null;
    }

    private static bool Has(ulong seen, string field) => (seen & 1UL << EventShapes.IndexOf(field)) != 0;

    private static bool Text(ref Utf8JsonReader reader, int min, int max, out string? text)
    {
        text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && LengthRule(text, min, max) is null;
    }

    private static bool Pattern(ref Utf8JsonReader reader, Regex pattern, string rule, out string? text)
    {
        text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && PatternRule(text, pattern, rule) is null;
    }

    private static bool At(ref Utf8JsonReader reader, DateTimeOffset now, out DateTimeOffset? at)
    {
        at = null;
        if (reader.TokenType != JsonTokenType.String) return false;
        // Timestamps are short: copied through the stack, not made into a string; a long one (rare) as a string.
        Span<char> copy = stackalloc char[64];
        var parsed = reader.ValueSpan.Length <= copy.Length
            ? Timestamps.TryParseRfc3339(copy[..reader.CopyString(copy)], out var instant)
            : Timestamps.TryParseRfc3339(reader.GetString()!, out instant);
        if (!parsed || AtRule(instant, now) is not null) return false;
        at = instant;
        return true;
    }

    private static bool Count(ref Utf8JsonReader reader, out long? count) =>
        JsonTokens.WholeNumber(ref reader, out count) && CountRule(count!.Value) is null;

    private static bool Amount(ref Utf8JsonReader reader, out decimal? amount)
    {
        // As the document reader does: the number as written, parsed as a decimal (not the reader's own conversion).
        amount = reader.TokenType == JsonTokenType.Number
            && decimal.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return amount is { } a && AmountRule(a) is null;
    }

    private static bool Sentiment(ref Utf8JsonReader reader, out double? sentiment) =>
        JsonTokens.Number(ref reader, out sentiment) && SentimentRule(sentiment!.Value) is null;
}
