using System.Text.Json.Nodes;

namespace SocialRoi.Server.Imports;

/// <summary>What an import knows besides the file: the account, a platform, and how to hash people and read amounts.</summary>
public sealed record ImportContext(string Account, string? Platform, CustomerIds Customers, bool DecimalComma);

/// <summary>
/// One kind of export (SPEC §13): the columns that identify it, and the events each data row
/// becomes, with ids derived from the source's own keys so importing twice stores nothing twice.
/// </summary>
public abstract class ImportFormat
{
    public abstract string Name { get; }

    /// <summary>Columns every file of this kind has; a file without them is refused whole.</summary>
    public abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>The events of one row (none for line-item, total or unpaid rows); a bad cell throws <see cref="RowProblem"/>.</summary>
    public abstract IEnumerable<JsonObject> Events(CsvRow row, ImportContext context);

    protected static JsonObject Event(ImportContext context, string type, string id, string at, params (string Field, JsonNode? Value)[] fields)
    {
        var json = new JsonObject { ["id"] = id, ["account"] = context.Account, ["type"] = type, ["at"] = at };
        foreach (var (field, value) in fields)
        {
            if (value is not null) json[field] = value;
        }
        return json;
    }

    /// <summary>The customer id of a row: the hashed e-mail, else the hashed phone, else null.</summary>
    protected static string? Customer(CsvRow row, ImportContext context, string emailColumn, string phoneColumn) =>
        row[emailColumn] is { Length: > 0 } email ? context.Customers.Of(email)
        : row[phoneColumn] is { Length: > 0 } phone ? context.Customers.Of(phone)
        : null;

    protected static string Currency(CsvRow row, string column) => row[column].ToUpperInvariant();
}
