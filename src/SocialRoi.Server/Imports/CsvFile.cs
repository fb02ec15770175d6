using System.Globalization;
using System.Text;
using CsvHelper;

namespace SocialRoi.Server.Imports;

/// <summary>One data row of an export: its 0-based index among the data rows, and its cells by column.</summary>
public sealed class CsvRow(int index, IReadOnlyDictionary<string, string> cells)
{
    public int Index { get; } = index;

    /// <summary>The trimmed cell, or "" when the column is absent or empty.</summary>
    public string this[string column] => cells.TryGetValue(column, out var value) ? value.Trim() : "";

    public bool Has(string column) => cells.ContainsKey(column);

    /// <summary>The first column of the row whose name starts with a prefix ("Amount spent (USD)").</summary>
    public string? ColumnStartingWith(string prefix) => cells.Keys.FirstOrDefault(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// An export as rows, the way real exports come: a byte-order mark, preamble lines before the
/// header (found as the first line holding every required column), comma or semicolon separated
/// (semicolon files use decimal commas), quoted cells with line breaks (read by CsvHelper).
/// </summary>
public sealed class CsvFile
{
    private CsvFile(IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows, bool decimalComma)
    {
        Header = header;
        Rows = rows;
        DecimalComma = decimalComma;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Semicolon-separated exports come from locales that write 1.234,50.</summary>
    public bool DecimalComma { get; }

    public static CsvFile Read(byte[] bytes, string format, IReadOnlyList<string> required)
    {
        if (Ingest.Utf8Text.FirstInvalidByte(bytes) is { } bad)
            throw new UnrecognisedFileException($"the file is not UTF-8 text (byte offset {bad}); save the {format} export as UTF-8 CSV and import it again");
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        (IReadOnlyList<string> Columns, int Found) best = ([], -1);
        foreach (var separator in new[] { ',', ';', '\t' })
        {
            using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, Separator = separator });
            var skipped = 0;
            while (skipped++ < 50 && csv.Read())
            {
                var record = Record(csv).Select(c => c.Trim()).ToList();
                var found = required.Count(record.Contains);
                if (found > best.Found) best = (record, found);
                if (found == required.Count) return new CsvFile(record, DataRows(csv, record), separator == ';');
            }
        }
        var missing = required.Where(c => !best.Columns.Contains(c)).ToList();
        throw new UnrecognisedFileException(
            $"this is not a {format} export: the columns {string.Join(", ", missing.Select(c => $"\"{c}\""))} are missing" +
            (best.Columns.Count > 0 ? $" (the closest header row has {string.Join(", ", best.Columns.Take(12).Select(c => $"\"{c}\""))})" : ""));
    }

    private static List<CsvRow> DataRows(CsvReader csv, IReadOnlyList<string> header)
    {
        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var record = Record(csv);
            if (record.All(string.IsNullOrWhiteSpace)) continue; // blank rows take no index
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < record.Length; i++) cells.TryAdd(header[i], record[i]);
            rows.Add(new CsvRow(rows.Count, cells));
        }
        return rows;
    }

    private static string[] Record(CsvReader csv) => Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
}
