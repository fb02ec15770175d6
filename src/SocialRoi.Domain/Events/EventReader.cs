using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Events;

/// <summary>The outcome of reading one submitted event: the event, or every rule it breaks.</summary>
public sealed record EventReading(EngagementEvent? Event, string? Id, IReadOnlyList<string> Errors)
{
    public bool IsValid => Event is not null;
}

/// <summary>
/// Reads and validates one event object against every rule of SPEC §1. Each error names the
/// field, the value and the rule, so the sender knows what to fix.
/// </summary>
public static partial class EventReader
{
    public static readonly DateTimeOffset EarliestAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromHours(24);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")] private static partial Regex AccountPattern();
    [GeneratedRegex("^[a-z0-9_-]{1,32}$")] private static partial Regex PlatformPattern();
    [GeneratedRegex("^[A-Z]{3}$")] private static partial Regex CurrencyPattern();

    /// <summary>SPEC §1: account names are lower-case, 1–64 characters.</summary>
    public static bool IsAccountName(string name) => AccountPattern().IsMatch(name);

    /// <param name="now">The ingest instant, for the 24 h future rule; null when re-reading the stored log.</param>
    public static EventReading Read(JsonElement json, DateTimeOffset? now)
    {
        if (json.ValueKind != JsonValueKind.Object)
            return new EventReading(null, null, [$"an event must be a JSON object, got {Describe(json)}"]);

        var errors = new List<string>();
        var draft = new EventDraft();
        var type = ReadType(json, errors);
        var seen = new NamedFields();
        foreach (var property in json.EnumerateObject())
        {
            var name = FieldName(property);
            if (!seen.Add(name)) { errors.Add($"field \"{name}\" appears more than once"); continue; }
            if (!EventShapes.IsKnown(name))
            {
                errors.Add($"unknown field \"{name}\" (allowed: {string.Join(", ", EventShapes.AllFields)})");
                continue;
            }
            if (type is { } t && !EventShapes.Allows(t, name))
            {
                errors.Add($"field \"{name}\" is not used by type \"{t.Wire()}\"");
                continue;
            }
            ReadField(name, property.Value, ref draft, now, errors);
        }

        foreach (var field in EventShapes.Common)
        {
            if (field != "type" && !seen.Contains(field)) errors.Add($"{field} is required");
        }
        if (type is { } known)
        {
            foreach (var field in EventShapes.Required(known))
            {
                if (!seen.Contains(field)) errors.Add($"{field} is required for type \"{known.Wire()}\"");
            }
            if (known.IsConversion()) CheckWhoConverted(known, seen, errors);
        }

        if (errors.Count > 0 || type is null) return new EventReading(null, draft.Id, errors);
        return new EventReading(draft.ToEvent(type.Value), draft.Id, errors);
    }

    /// <summary>
    /// A known field's name as the shared string, read from the raw bytes without allocating (ten
    /// names per event add up over millions of events); any other name, or an escaped one, as written.
    /// </summary>
    private static string FieldName(JsonProperty property) =>
        EventShapes.IndexOf(JsonMarshal.GetRawUtf8PropertyName(property)) is var index and >= 0 ? EventShapes.AllFields[index] : property.Name;

    private static EventType? ReadType(JsonElement json, List<string> errors)
    {
        if (!json.TryGetProperty("type", out var value)) { errors.Add("type is required"); return null; }
        if (value.ValueKind == JsonValueKind.String && EventTypeNames.TryParse(value.GetString()!, out var type)) return type;
        errors.Add($"type must be one of {string.Join(", ", EventTypeNames.All)}, got {Describe(value)}");
        return null;
    }

    // SPEC §1: on lead and purchase, platform and actor come together, and someone must have converted.
    private static void CheckWhoConverted(EventType type, NamedFields seen, List<string> errors)
    {
        bool platform = seen.Contains("platform"), actor = seen.Contains("actor"), customer = seen.Contains("customer");
        if (platform != actor)
            errors.Add($"platform and actor come together on type \"{type.Wire()}\": give both or neither");
        else if (!actor && !customer)
            errors.Add($"type \"{type.Wire()}\" needs actor and platform, or customer, or both");
    }

    private static void ReadField(string name, JsonElement value, ref EventDraft draft, DateTimeOffset? now, List<string> errors)
    {
        string? error = name switch
        {
            "id" => Text(value, 1, 128, out draft.Id),
            "account" => Pattern(value, AccountPattern(), "a lower-case name matching ^[a-z0-9][a-z0-9._-]{0,63}$", out draft.Account),
            "type" => null, // read first, by ReadType
            "at" => At(value, now, out draft.At),
            "platform" => Pattern(value, PlatformPattern(), "lower-case, matching ^[a-z0-9_-]{1,32}$ (instagram, x, linkedin, …)", out draft.Platform),
            "actor" => Text(value, 1, 256, out draft.Actor),
            "customer" => Text(value, 1, 256, out draft.Customer),
            "post" => Text(value, 1, 256, out draft.Post),
            "ref" => Text(value, 1, 128, out draft.Ref),
            "count" => Count(value, out draft.Count),
            "amount" => Amount(value, out draft.Amount),
            "currency" => Pattern(value, CurrencyPattern(), "an ISO 4217 code such as USD", out draft.Currency),
            "campaign" => Text(value, 1, 128, out draft.Campaign),
            "category" => Category(value, out draft.Category),
            "promotional" => Flag(value, out draft.Promotional),
            "automated" => Flag(value, out draft.Automated),
            "contentHash" => Text(value, 1, 128, out draft.ContentHash),
            "sentiment" => Sentiment(value, out draft.Sentiment),
            "owned" => Flag(value, out draft.Owned),
            _ => throw new InvalidOperationException($"no rule for field {name}"),
        };
        if (error is not null) errors.Add($"{name} {error}, got {Describe(value)}");
    }

    private static string? Text(JsonElement value, int min, int max, out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String) return "must be a string";
        var candidate = value.GetString()!;
        // Characters are runes; a string of n UTF-16 units holds n/2 to n of them, so most need no count.
        if (candidate.Length <= max && (candidate.Length + 1) / 2 >= min)
        {
            text = candidate;
            return null;
        }
        var length = candidate.EnumerateRunes().Count();
        if (length < min || length > max) return $"must be {min}–{max} characters long (it is {length})";
        text = candidate;
        return null;
    }

    private static string? Pattern(JsonElement value, Regex pattern, string rule, out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String) return "must be a string";
        var candidate = value.GetString()!;
        if (!pattern.IsMatch(candidate)) return $"must be {rule}";
        text = candidate;
        return null;
    }

    private static string? At(JsonElement value, DateTimeOffset? now, out DateTimeOffset? at)
    {
        at = null;
        if (value.ValueKind != JsonValueKind.String || !Timestamps.TryParseRfc3339(value.GetString()!, out var parsed))
            return "must be an RFC 3339 timestamp with offset, like 2026-07-01T09:30:00Z";
        if (parsed < EarliestAt) return "must not be before 2000-01-01T00:00:00Z";
        if (now is { } reference && parsed > reference + MaxFutureSkew)
            return $"must not be more than 24 h in the future (now is {Timestamps.Format(reference)})";
        at = parsed;
        return null;
    }

    private static string? Count(JsonElement value, out long? count)
    {
        count = null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var whole)) return "must be a whole number ≥ 1";
        if (whole < 1) return "must be ≥ 1";
        count = whole;
        return null;
    }

    private static string? Amount(JsonElement value, out decimal? amount)
    {
        amount = null;
        if (value.ValueKind != JsonValueKind.Number) return "must be a number";
        if (!decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return "must be a decimal number within ±79228162514264337593543950335";
        if (parsed < 0) return "must be ≥ 0";
        amount = parsed;
        return null;
    }

    private static string? Category(JsonElement value, out CostCategory? category)
    {
        category = null;
        if (value.ValueKind == JsonValueKind.String && CostCategoryNames.TryParse(value.GetString()!, out var parsed))
        {
            category = parsed;
            return null;
        }
        return $"must be one of {string.Join(", ", CostCategoryNames.All.Select(c => c.Wire()))}";
    }

    private static string? Flag(JsonElement value, out bool? flag)
    {
        flag = value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
        return flag is null ? "must be true or false" : null;
    }

    private static string? Sentiment(JsonElement value, out double? sentiment)
    {
        sentiment = null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var parsed)) return "must be a number";
        if (parsed is < -1 or > 1) return "must be between -1 and 1";
        sentiment = parsed;
        return null;
    }

    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 80 ? raw : raw[..77] + "…";
    }

    /// <summary>
    /// The field names an event used: a bit per known field, and a set only for unknown names,
    /// which valid events never have. A set per event was a tenth of ingest's garbage.
    /// </summary>
    private sealed class NamedFields
    {
        private ulong _known;
        private HashSet<string>? _unknown;

        /// <summary>False when the name was already there.</summary>
        public bool Add(string name)
        {
            var index = EventShapes.IndexOf(name);
            if (index < 0) return (_unknown ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            var bit = 1UL << index;
            var isNew = (_known & bit) == 0;
            _known |= bit;
            return isNew;
        }

        public bool Contains(string name)
        {
            var index = EventShapes.IndexOf(name);
            return index >= 0 ? (_known & (1UL << index)) != 0 : _unknown?.Contains(name) == true;
        }
    }
}
