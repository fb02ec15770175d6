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

    /// <summary>
    /// The bounds of an amount other than 0: a millionth of a currency unit to 10^15, finer and more
    /// than any purchase, refund or cost in any currency. Money is added up and divided as decimals
    /// (exact up to ±7.9 × 10^28): a sum of amounts near that limit, or an ROI over a cost of 10^-20,
    /// overflowed, and an account holding such an event could answer no money figure again, since
    /// events are never removed.
    /// </summary>
    public const decimal MinAmount = 0.000001m, MaxAmount = 1_000_000_000_000_000m;

    /// <summary>
    /// The largest count an impression event may carry: 10^12. Impressions are added up as 64-bit
    /// integers; two counts near their limit (9.2 × 10^18) wrapped a summary's impressions to a
    /// negative number. No one event counts more than a trillion views.
    /// </summary>
    public const long MaxCount = 1_000_000_000_000;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")] private static partial Regex AccountPattern();
    [GeneratedRegex("^[a-z0-9_-]{1,32}$")] private static partial Regex PlatformPattern();
    [GeneratedRegex("^[A-Z]{3}$")] private static partial Regex CurrencyPattern();
    private const string AccountRule = "a lower-case name matching ^[a-z0-9][a-z0-9._-]{0,63}$";
    private const string PlatformRule = "lower-case, matching ^[a-z0-9_-]{1,32}$ (instagram, x, linkedin, …)";
    private const string CurrencyRule = "an ISO 4217 code such as USD";

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

    private static void CheckWhoConverted(EventType type, NamedFields seen, List<string> errors)
    {
        if (WhoConvertedRule(type, seen.Contains("platform"), seen.Contains("actor"), seen.Contains("customer")) is { } error) errors.Add(error);
    }

    // SPEC §1: on lead and purchase, platform and actor come together, and someone must have converted.
    private static string? WhoConvertedRule(EventType type, bool platform, bool actor, bool customer)
    {
        if (platform != actor) return $"platform and actor come together on type \"{type.Wire()}\": give both or neither";
        return !actor && !customer ? $"type \"{type.Wire()}\" needs actor and platform, or customer, or both" : null;
    }

    private static void ReadField(string name, JsonElement value, ref EventDraft draft, DateTimeOffset? now, List<string> errors)
    {
        string? error = name switch
        {
            "id" => Text(value, 1, 128, out draft.Id),
            "account" => Pattern(value, AccountPattern(), AccountRule, out draft.Account),
            "type" => null, // read first, by ReadType
            "at" => At(value, now, out draft.At),
            "platform" => Pattern(value, PlatformPattern(), PlatformRule, out draft.Platform),
            "actor" => Text(value, 1, 256, out draft.Actor),
            "customer" => Text(value, 1, 256, out draft.Customer),
            "post" => Text(value, 1, 256, out draft.Post),
            "ref" => Text(value, 1, 128, out draft.Ref),
            "count" => Count(value, out draft.Count),
            "amount" => Amount(value, out draft.Amount),
            "currency" => Pattern(value, CurrencyPattern(), CurrencyRule, out draft.Currency),
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
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text is null ? "must be a string" : Kept(LengthRule(text, min, max), ref text);
    }

    private static string? Pattern(JsonElement value, Regex pattern, string rule, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text is null ? "must be a string" : Kept(PatternRule(text, pattern, rule), ref text);
    }

    private static string? At(JsonElement value, DateTimeOffset? now, out DateTimeOffset? at)
    {
        at = null;
        if (value.ValueKind != JsonValueKind.String || !Timestamps.TryParseRfc3339(value.GetString()!, out var parsed))
            return "must be an RFC 3339 timestamp with offset, like 2026-07-01T09:30:00Z";
        at = parsed;
        return Kept(AtRule(parsed, now), ref at);
    }

    private static string? Count(JsonElement value, out long? count)
    {
        count = value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole) ? whole : null;
        return count is { } c ? Kept(CountRule(c), ref count) : CountRange;
    }

    private static string? Amount(JsonElement value, out decimal? amount)
    {
        amount = null;
        if (value.ValueKind != JsonValueKind.Number) return "must be a number";
        if (!decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return AmountRange;
        amount = parsed;
        return Kept(AmountRule(parsed), ref amount);
    }

    private static string? Category(JsonElement value, out CostCategory? category)
    {
        category = value.ValueKind == JsonValueKind.String && CostCategoryNames.TryParse(value.GetString()!, out var parsed) ? parsed : null;
        return category is null ? $"must be one of {string.Join(", ", CostCategoryNames.All.Select(c => c.Wire()))}" : null;
    }

    private static string? Flag(JsonElement value, out bool? flag)
    {
        flag = value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
        return flag is null ? "must be true or false" : null;
    }

    private static string? Sentiment(JsonElement value, out double? sentiment)
    {
        sentiment = value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var parsed) ? parsed : null;
        return sentiment is { } s ? Kept(SentimentRule(s), ref sentiment) : "must be a number";
    }

    /// <summary>A value that breaks its rule is not kept: the error stands in for it.</summary>
    private static string? Kept<T>(string? error, ref T value)
    {
        if (error is not null) value = default!;
        return error;
    }

    // The rules on a value once read, shared by both readers (a JSON document here, one pass over
    // the bytes in EventReader.OnePass.cs) so that they cannot disagree on what is valid.
    private static string? LengthRule(string text, int min, int max)
    {
        // Characters are runes; a string of n UTF-16 units holds n/2 to n of them, so most need no count.
        if (text.Length <= max && (text.Length + 1) / 2 >= min) return null;
        var length = text.EnumerateRunes().Count();
        return length < min || length > max ? $"must be {min}–{max} characters long (it is {length})" : null;
    }

    private static string? PatternRule(string text, Regex pattern, string rule) => pattern.IsMatch(text) ? null : $"must be {rule}";

    private static string? AtRule(DateTimeOffset at, DateTimeOffset? now)
    {
        if (at < EarliestAt) return "must not be before 2000-01-01T00:00:00Z";
        if (now is { } reference && at > reference + MaxFutureSkew)
            return $"must not be more than 24 h in the future (now is {Timestamps.Format(reference)})";
        return null;
    }

    private static string? CountRule(long count) => count < 1 ? "must be ≥ 1" : count > MaxCount ? CountRange : null;

    private static readonly string CountRange = string.Create(CultureInfo.InvariantCulture, $"must be a whole number from 1 to {MaxCount} (10^12)");

    private static string? AmountRule(decimal amount) =>
        amount < 0 ? "must be ≥ 0" : amount > MaxAmount || (amount > 0 && amount < MinAmount) ? AmountRange : null;

    private static readonly string AmountRange =
        string.Create(CultureInfo.InvariantCulture, $"must be 0 or a number from {MinAmount} to {MaxAmount} (10^15)");

    private static string? SentimentRule(double sentiment) => sentiment is < -1 or > 1 ? "must be between -1 and 1" : null;

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
