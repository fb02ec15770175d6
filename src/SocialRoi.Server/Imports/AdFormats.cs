using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocialRoi.Server.Imports;

/// <summary>
/// Meta Ads Manager's report export: one cost (category ads) per campaign and reporting period, in
/// the currency its "Amount spent (USD)" header names; on the platform the report's Platform column
/// says, else --platform. Rows without a campaign name are the report's totals.
/// </summary>
public sealed partial class MetaAds : ImportFormat
{
    [GeneratedRegex(@"\(([A-Za-z]{3})\)")] private static partial Regex HeaderCurrency();

    public override string Name => "meta-ads";

    public override IReadOnlyList<string> RequiredColumns => ["Reporting starts", "Reporting ends", "Campaign name"];

    public override IEnumerable<JsonObject> Events(CsvRow row, ImportContext context)
    {
        if (row["Campaign name"].Length == 0) yield break;
        var spent = row.ColumnStartingWith("Amount spent")
            ?? throw new RowProblem("Amount spent", "", "the report needs its \"Amount spent (CUR)\" column");
        var day = Cells.Instant(row, "Reporting starts", "yyyy-MM-dd");
        var platform = row["Platform"] is { Length: > 0 } p ? p.ToLowerInvariant().Replace(' ', '_') : context.Platform;
        var currency = HeaderCurrency().Match(spent) is { Success: true } m ? m.Groups[1].Value.ToUpperInvariant() : null;
        yield return Event(context, "cost", $"meta-ads:{row["Campaign name"]}:{day[..10]}" + (platform is null ? "" : $":{platform}"), day,
            ("amount", Cells.Amount(row, spent, context.DecimalComma)), ("category", "ads"), ("campaign", row["Campaign name"]),
            ("platform", platform), ("currency", currency));
    }
}

/// <summary>
/// Google Ads' campaign report, segmented by day: a preamble (report name, date range) before the
/// header and "Total: …" rows after the campaigns; one cost (category ads) per campaign and day.
/// </summary>
public sealed class GoogleAds : ImportFormat
{
    public override string Name => "google-ads";

    public override IReadOnlyList<string> RequiredColumns => ["Campaign", "Day", "Cost"];

    public override IEnumerable<JsonObject> Events(CsvRow row, ImportContext context)
    {
        if (row["Campaign"].Length == 0 || row["Campaign"].StartsWith("Total", StringComparison.OrdinalIgnoreCase)
            || row["Campaign status"].StartsWith("Total", StringComparison.OrdinalIgnoreCase) || row["Day"].Length == 0) yield break;
        var day = Cells.Instant(row, "Day", "yyyy-MM-dd");
        var currency = row["Currency code"] is { Length: > 0 } code ? code.ToUpperInvariant() : null;
        yield return Event(context, "cost", $"google-ads:{row["Campaign"]}:{day[..10]}", day,
            ("amount", Cells.Amount(row, "Cost", context.DecimalComma)), ("category", "ads"), ("campaign", row["Campaign"]),
            ("platform", context.Platform), ("currency", currency));
    }
}
