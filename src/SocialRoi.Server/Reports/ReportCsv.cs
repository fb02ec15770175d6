using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialRoi.Server.Hosting;

namespace SocialRoi.Server.Reports;

/// <summary>
/// The quarterly pack as CSV: the same figures as its JSON, one per row — section, item, figure,
/// value — so a spreadsheet can pivot it. Lists name their items by key, id, name or platform.
/// </summary>
public static class ReportCsv
{
    private static readonly string[] ItemKeys = ["key", "id", "name", "platform"];

    public static string Write(JsonObject report)
    {
        var text = new StringBuilder("section,item,figure,value\r\n");
        foreach (var (section, node) in report)
        {
            switch (node)
            {
                case JsonArray items:
                    foreach (var item in items.OfType<JsonObject>())
                    {
                        var name = ItemKeys.Select(k => item[k]).OfType<JsonValue>().Select(Value).FirstOrDefault() ?? "";
                        foreach (var (figure, value) in Leaves(item, "")) Row(text, section, name, figure, value);
                    }
                    break;
                case JsonObject nested:
                    foreach (var (figure, value) in Leaves(nested, "")) Row(text, section, "", figure, value);
                    break;
                default:
                    Row(text, "report", "", section, node is null ? "" : Value(node));
                    break;
            }
        }
        return text.ToString();
    }

    private static IEnumerable<(string Figure, string Value)> Leaves(JsonObject node, string prefix)
    {
        foreach (var (name, child) in node)
        {
            if (child is JsonObject nested)
                foreach (var leaf in Leaves(nested, prefix + name + ".")) yield return leaf;
            else yield return (prefix + name, child is null ? "" : Value(child));
        }
    }

    private static string Value(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? CsvTable.Text(value.GetValue<string>()) : node.ToJsonString();

    private static void Row(StringBuilder text, string section, string item, string figure, string value) =>
        text.Append(CsvTable.Field(section)).Append(',').Append(CsvTable.Field(item)).Append(',')
            .Append(CsvTable.Field(figure)).Append(',').Append(CsvTable.Field(value)).Append("\r\n");
}
