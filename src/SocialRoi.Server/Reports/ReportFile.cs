using System.Text.Json;
using SocialRoi.Domain.Reports;
using SocialRoi.Server.Apis;
using SocialRoi.Server.Hosting;

namespace SocialRoi.Server.Reports;

/// <summary>SPEC §9: the pack in one of its three forms — what the API answers and the CLI writes, byte for byte.</summary>
public static class ReportFile
{
    public static (string Body, string ContentType) Render(QuarterlyReport report, string? format, JsonSerializerOptions json) => format switch
    {
        null or "html" => (QuarterlyReportPage.Render(report), ReportsApi.HtmlType),
        "json" => (JsonSerializer.Serialize(report, json), "application/json; charset=utf-8"),
        "csv" => (ReportCsv.Write(JsonSerializer.SerializeToNode(report, json)!.AsObject()), ApiResults.CsvType),
        _ => throw new QueryParameterException("format", format, "format must be html, json or csv"),
    };
}
