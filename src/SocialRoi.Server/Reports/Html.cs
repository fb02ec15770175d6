using System.Globalization;
using System.Text.Encodings.Web;

namespace SocialRoi.Server.Reports;

/// <summary>
/// Self-contained pages: inline CSS, no scripts, no external requests, everything that came from
/// events escaped. They print to A4 and Letter alike (content 180 mm wide, sections kept whole).
/// </summary>
public static class Html
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    public static string Escape(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Escape(title)}}</title>
        <style>
        @page { margin: 14mm 12mm; }
        * { box-sizing: border-box; }
        body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
               color: #1d2433; max-width: 180mm; margin: 0 auto; padding: 16px 0; }
        h1 { font-size: 19pt; margin: 0 0 2px; }
        h2 { font-size: 12.5pt; margin: 0 0 8px; padding-bottom: 3px; border-bottom: 2px solid #dfe3ea; break-after: avoid; }
        p.sub { color: #5b6475; margin: 0 0 14px; }
        section { margin: 0 0 18px; break-inside: avoid; }
        table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
        th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #e6e9ef; vertical-align: top; }
        th { color: #5b6475; font-weight: 600; }
        .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
        .kpi { border: 1px solid #dfe3ea; border-radius: 6px; padding: 7px 9px; break-inside: avoid; }
        .kpi .label { color: #5b6475; font-size: 8.5pt; }
        .kpi .value { font-size: 12.5pt; font-weight: 650; white-space: nowrap; }
        .kpi .change { font-size: 8.5pt; color: #5b6475; }
        .fail { color: #b42318; font-weight: 600; } .warn { color: #b54708; font-weight: 600; }
        .ok { color: #067647; } .unknown { color: #667085; }
        .box { background: #f5f7fa; border: 1px solid #dfe3ea; border-radius: 6px; padding: 8px 12px; }
        .box dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
        .box dt { color: #5b6475; }
        svg { width: 100%; height: auto; }
        a { color: #1849a9; }
        </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>
        """;

    public static string Money(decimal? amount, string currency) =>
        amount is { } value ? $"{Escape(currency)} {value.ToString("#,##0.00", Numbers)}" : "—";

    public static string Percent(decimal? share) => share is { } value ? (value * 100).ToString("#,##0.#", Numbers) + " %" : "—";

    public static string Count(decimal? count) => count is { } value ? value.ToString("#,##0.##", Numbers) : "—";

    /// <summary>A figure exactly as the JSON form writes it, for data-value attributes.</summary>
    public static string Raw(decimal? value) => value?.ToString(Numbers) ?? "";
}
