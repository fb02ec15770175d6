using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialRoi.Server.Hosting;

/// <summary>
/// SPEC §7 CSV: the same figures as the JSON, one row per item, nested objects flattened with a
/// dot (audience.total). RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
/// line break. Numbers and dates are written exactly as the JSON writes them (invariant, ISO 8601);
/// text that a spreadsheet would run as a formula is neutralised (<see cref="Text"/>).
/// </summary>
public static class CsvTable
{
    public static string Write(Type rowType, IEnumerable<JsonNode?> rows, JsonSerializerOptions json)
    {
        var columns = Columns(rowType, json.PropertyNamingPolicy, prefix: "").ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => Field(c))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(column => Field(Cell(row, column)))).Append("\r\n");
        }
        return text.ToString();
    }

    /// <summary>Column names from the row type, so an empty answer still has its header row.</summary>
    private static IEnumerable<string> Columns(Type type, JsonNamingPolicy? naming, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = prefix + (naming?.ConvertName(property.Name) ?? property.Name);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsNested(propertyType))
            {
                foreach (var nested in Columns(propertyType, naming, name + ".")) yield return nested;
            }
            else yield return name;
        }
    }

    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static string Cell(JsonNode? row, string column)
    {
        var node = row;
        foreach (var part in column.Split('.')) node = node?[part];
        return node switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => Text(value.GetValue<string>()),
            _ => node.ToJsonString(),
        };
    }

    /// <summary>
    /// A text cell a spreadsheet will not run: text that starts with =, +, -, @, tab or CR (a formula
    /// to Excel, LibreOffice and Google Sheets) gets a leading apostrophe. Numbers are written as
    /// numbers and never touched, so -3.5 stays a number.
    /// </summary>
    public static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>One RFC 4180 field: quoted when it holds a comma, quote or line break.</summary>
    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
