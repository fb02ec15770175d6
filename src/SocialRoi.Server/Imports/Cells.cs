using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Server.Imports;

/// <summary>Reading the cells of messy exports: amounts with currency signs and separators, dates in many forms, text to hash.</summary>
public static partial class Cells
{
    [GeneratedRegex(@"^[+-]?\d+([.,]\d+)*$")] private static partial Regex Number();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();

    private static readonly string[] DateForms =
    [
        "yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm:ss zz", "yyyy-MM-dd HH:mm zzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.fffzzz",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "MM/dd/yyyy", "M/d/yyyy H:mm", "M/d/yyyy",
    ];

    /// <summary>
    /// "$1,234.50", "1.234,50 €", "USD 12", "(12.00)" → a decimal. In a decimal-comma file a comma is the
    /// decimal mark; elsewhere the last of "." and "," is, unless a lone comma is followed by exactly three digits.
    /// </summary>
    public static decimal Amount(CsvRow row, string column, bool decimalComma)
    {
        var text = row[column];
        var negative = text.StartsWith('(') && text.EndsWith(')') || text.Contains('-');
        var digits = new string(text.Where(c => char.IsAsciiDigit(c) || c is '.' or ',').ToArray());
        if (digits.Length == 0 || !Number().IsMatch(digits))
            throw new RowProblem(column, text, "must be an amount like 1,234.50, $1,234.50 or 1.234,50");
        var lastDot = digits.LastIndexOf('.');
        var lastComma = digits.LastIndexOf(',');
        var decimalMark = (lastDot, lastComma) switch
        {
            (>= 0, >= 0) => lastDot > lastComma ? '.' : ',',
            (< 0, >= 0) => decimalComma || digits.Length - lastComma - 1 != 3 ? ',' : '\0',
            (>= 0, < 0) => decimalComma && digits.Length - lastDot - 1 == 3 ? '\0' : '.',
            _ => '\0',
        };
        var plain = new StringBuilder();
        foreach (var c in digits)
        {
            if (char.IsAsciiDigit(c)) plain.Append(c);
            else if (c == decimalMark) plain.Append('.');
        }
        // Past 10^15 no event takes it (SPEC §1 as decided in docs/decisions.md), and past ~7.9 × 10^28 no decimal holds it.
        if (!decimal.TryParse(plain.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > EventReader.MaxAmount)
            throw new RowProblem(column, text, string.Create(CultureInfo.InvariantCulture, $"must be an amount of at most {EventReader.MaxAmount} (10^15)"));
        return negative ? -value : value;
    }

    /// <summary>A cell amount, or null when the cell is empty.</summary>
    public static decimal? OptionalAmount(CsvRow row, string column, bool decimalComma) =>
        row[column].Length == 0 ? null : Amount(row, column, decimalComma);

    /// <summary>An instant in any of the forms exports use; without an offset it is UTC. Written as RFC 3339.</summary>
    public static string Instant(CsvRow row, string column, string? form = null)
    {
        var text = row[column];
        if (Timestamps.TryParseRfc3339(text, out var exact)) return Timestamps.Format(exact);
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var normalised = Regex.Replace(text, @"([+-]\d{2})(\d{2})$", "$1:$2"); // +0000 → +00:00
        if (DateTimeOffset.TryParseExact(normalised, form is null ? DateForms : [form], CultureInfo.InvariantCulture, styles, out var instant))
            return Timestamps.Format(instant);
        throw new RowProblem(column, text, form is null ? "must be a date and time like 2026-07-01 09:30:00 +0000 or 07/01/2026 09:30" : $"must be a date like {form}");
    }

    /// <summary>
    /// SPEC §13: a content hash of the normalised text, so the same post text matches across
    /// platforms and exports: Unicode-normalised, lower-cased, white space folded.
    /// </summary>
    public static string? ContentHash(string text)
    {
        var normalised = Spaces().Replace(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), " ").Trim();
        return normalised.Length == 0 ? null : "t:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..32];
    }
}
