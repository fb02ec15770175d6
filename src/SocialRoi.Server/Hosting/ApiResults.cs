using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SocialRoi.Server.Apis;

namespace SocialRoi.Server.Hosting;

/// <summary>SPEC §7: every GET answers JSON, or CSV with <c>Accept: text/csv</c> or <c>?format=csv</c>.</summary>
public static class ApiResults
{
    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>A JSON array of rows, or one CSV row per element.</summary>
    public static IResult Rows<TRow>(HttpContext http, IReadOnlyList<TRow> rows) =>
        WantsCsv(http) ? Csv<TRow>(http, JsonSerializer.SerializeToNode(rows, Options(http))!.AsArray()) : Results.Ok(rows);

    /// <summary>One object, or a CSV of one row.</summary>
    public static IResult Row<TRow>(HttpContext http, TRow row) =>
        WantsCsv(http) ? Csv<TRow>(http, [JsonSerializer.SerializeToNode(row, Options(http))]) : Results.Ok(row);

    /// <summary>A page: <c>{ items, next }</c> in JSON; in CSV the items, with the next cursor in the X-Next-Cursor header.</summary>
    public static IResult Page<TRow>(HttpContext http, IReadOnlyList<TRow> items, string? next)
    {
        if (!WantsCsv(http)) return Results.Ok(new { items, next });
        if (next is not null) http.Response.Headers["X-Next-Cursor"] = next;
        return Csv<TRow>(http, JsonSerializer.SerializeToNode(items, Options(http))!.AsArray());
    }

    private static IResult Csv<TRow>(HttpContext http, IEnumerable<JsonNode?> rows) =>
        Results.Text(CsvTable.Write(typeof(TRow), rows, Options(http)), CsvType);

    /// <summary>The JSON options every answer is written with (camelCase, UTC instants).</summary>
    public static JsonSerializerOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    private static bool WantsCsv(HttpContext http)
    {
        var format = http.Request.Query["format"].ToString();
        return format switch
        {
            "" => http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase),
            "csv" => true,
            "json" => false,
            _ => throw new QueryParameterException("format", format, "format must be json or csv"),
        };
    }
}
