using System.Globalization;
using System.Text.Json;
using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Time;

namespace SocialRoi.Server.Apis;

/// <summary>Reads the body of PUT …/goals: an array of { id, metric, op, target, from, to }.</summary>
public static class GoalReader
{
    private static readonly string[] Fields = ["id", "metric", "op", "target", "from", "to"];

    public static IReadOnlyList<Goal> Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Array)
            throw new InvalidBodyException(["the body must be a JSON array of goals { id, metric, op, target, from, to }"]);
        var errors = new List<string>();
        var goals = new List<Goal>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in body.EnumerateArray())
        {
            var at = $"goals[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) { errors.Add($"{at} must be an object"); continue; }
            var before = errors.Count;
            foreach (var unknown in item.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
                errors.Add($"{at}: unknown field \"{unknown.Name}\" (allowed: {string.Join(", ", Fields)})");
            var id = Text(item, "id", at, errors);
            if (id is not null && (id.Length is 0 or > 128)) errors.Add($"{at}.id must be 1–128 characters, got \"{id}\"");
            else if (id is not null && !ids.Add(id)) errors.Add($"{at}.id \"{id}\" is used by an earlier goal; ids must be unique");
            var metric = Text(item, "metric", at, errors);
            if (metric is not null && !SummaryMetrics.Exists(metric))
                errors.Add($"{at}.metric must be a numeric summary figure ({string.Join(", ", SummaryMetrics.Names)}), got \"{metric}\"");
            var op = Text(item, "op", at, errors);
            if (op is not null && op is not (">=" or "<=")) errors.Add($"{at}.op must be \">=\" or \"<=\", got \"{op}\"");
            decimal? target = null;
            if (!item.TryGetProperty("target", out var t)) errors.Add($"{at}.target is required");
            else if (t.ValueKind == JsonValueKind.Number && decimal.TryParse(t.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) target = number;
            else errors.Add($"{at}.target must be a number, got {t.GetRawText()}");
            var from = Instant(item, "from", at, errors);
            var to = Instant(item, "to", at, errors);
            if (from is not null && to is not null && from >= to) errors.Add($"{at}.from must be earlier than {at}.to");
            if (errors.Count == before) goals.Add(new Goal(id!, metric!, op!, target!.Value, from!.Value, to!.Value));
        }
        return errors.Count == 0 ? goals : throw new InvalidBodyException(errors);
    }

    private static string? Text(JsonElement item, string field, string at, List<string> errors)
    {
        if (!item.TryGetProperty(field, out var value)) { errors.Add($"{at}.{field} is required"); return null; }
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        errors.Add($"{at}.{field} must be a string, got {value.GetRawText()}");
        return null;
    }

    private static DateTimeOffset? Instant(JsonElement item, string field, string at, List<string> errors)
    {
        var text = Text(item, field, at, errors);
        if (text is null) return null;
        if (Timestamps.TryParseQueryInstant(text, out var instant)) return instant;
        errors.Add($"{at}.{field} must be an RFC 3339 timestamp or a date (2026-07-01), got \"{text}\"");
        return null;
    }
}
