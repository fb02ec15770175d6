using System.Text.Json;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;

namespace SocialRoi.Server.Imports;

/// <summary>An import that cannot run as asked (unknown format, no account, an unusable mapping); the message says what to fix.</summary>
public sealed class ImportRequestException(string message) : Exception(message);

/// <summary>
/// Any other export, through a mapping file (docs/imports.md): which event type each row is, and
/// for each event field a column (optionally hashed, with a date format or a prefix) or a constant.
/// </summary>
public sealed class MappedCsv : ImportFormat
{
    private sealed record Source(string? Column, string? Value, bool Hash, string? Format, string Prefix);

    private readonly string _type;
    private readonly Source _id;
    private readonly Dictionary<string, Source> _fields;
    private readonly List<string> _skipWhenEmpty;

    private MappedCsv(string type, Source id, Dictionary<string, Source> fields, List<string> skipWhenEmpty)
    {
        (_type, _id, _fields, _skipWhenEmpty) = (type, id, fields, skipWhenEmpty);
    }

    public override string Name => "csv";

    public override IReadOnlyList<string> RequiredColumns =>
        _fields.Values.Append(_id).Select(s => s.Column).OfType<string>().Concat(_skipWhenEmpty).Distinct().ToList();

    public static MappedCsv Read(string json)
    {
        try
        {
            var map = JsonNode.Parse(json)?.AsObject() ?? throw new ImportRequestException("the mapping must be a JSON object");
            var type = (string?)map["type"] ?? throw new ImportRequestException("the mapping needs \"type\": the event type every row becomes (purchase, lead, identify, …)");
            if (!EventTypeNames.TryParse(type, out _))
                throw new ImportRequestException($"the mapping's type must be one of {string.Join(", ", EventTypeNames.All)}, got \"{type}\"");
            var id = Parse("id", map["id"] ?? throw new ImportRequestException("the mapping needs \"id\": the column that keys each row, so importing twice stores nothing twice"));
            var fields = (map["fields"]?.AsObject() ?? []).ToDictionary(f => f.Key, f => Parse(f.Key, f.Value));
            var skip = map["skipWhenEmpty"]?.AsArray().Select(c => (string)c!).ToList() ?? [];
            return new MappedCsv(type, id, fields, skip);
        }
        catch (Exception bad) when (bad is JsonException or InvalidOperationException or FormatException)
        {
            throw new ImportRequestException($"the mapping is not usable JSON of the documented shape (docs/imports.md): {bad.Message}");
        }
    }

    private static Source Parse(string field, JsonNode? node)
    {
        var source = node?.AsObject() ?? throw new ImportRequestException($"mapping of \"{field}\" must be an object like {{ \"column\": \"Email\" }} or {{ \"value\": \"instagram\" }}");
        var column = (string?)source["column"];
        var value = source["value"]?.ToString();
        if ((column is null) == (value is null)) throw new ImportRequestException($"mapping of \"{field}\" needs exactly one of \"column\" and \"value\"");
        return new Source(column, value, (bool?)source["hash"] ?? false, (string?)source["format"], (string?)source["prefix"] ?? "");
    }

    public override IEnumerable<JsonObject> Events(CsvRow row, ImportContext context)
    {
        if (_skipWhenEmpty.Any(column => row[column].Length == 0)) yield break;
        var id = Text(row, _id, context);
        var at = _fields.TryGetValue("at", out var when) ? Instant(row, when) : throw new RowProblem("at", "", "the mapping needs a field \"at\"");
        var fields = _fields.Where(f => f.Key != "at").Select(f => (f.Key, Value(f.Key, row, f.Value, context))).ToArray();
        yield return Event(context, _type, id, at, fields);
    }

    private static string Instant(CsvRow row, Source source) => source.Column is { } column ? Cells.Instant(row, column, source.Format) : source.Value!;

    private JsonNode? Value(string field, CsvRow row, Source source, ImportContext context)
    {
        if (source.Column is { } column && row[column].Length == 0) return null; // empty cells leave the field out
        return field switch
        {
            "amount" or "sentiment" => source.Column is { } c ? Cells.Amount(row, c, context.DecimalComma) : JsonNode.Parse(source.Value!),
            "count" => source.Column is { } c ? (long)Cells.Amount(row, c, context.DecimalComma) : JsonNode.Parse(source.Value!),
            "promotional" or "automated" or "owned" => Flag(source.Column is { } c ? row[c] : source.Value!, source.Column ?? field),
            _ => Text(row, source, context),
        };
    }

    private static string Text(CsvRow row, Source source, ImportContext context)
    {
        var text = source.Column is { } column ? row[column] : source.Value!;
        return source.Prefix + (source.Hash ? context.Customers.Of(text) : text);
    }

    private static bool Flag(string text, string column) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" or "y" => true,
        "false" or "no" or "0" or "n" => false,
        _ => throw new RowProblem(column, text, "must be true or false (yes/no, 1/0)"),
    };
}
