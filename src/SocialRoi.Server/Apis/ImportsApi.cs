using SocialRoi.Server.Hosting;
using SocialRoi.Server.Imports;
using SocialRoi.Server.Ingest;
using SocialRoi.Server.Security;

namespace SocialRoi.Server.Apis;

/// <summary>SPEC §13: POST /api/v1/imports/{format}?account=A[&amp;platform=P] with an export as the body.</summary>
public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/imports/{format}", Import)
            .RequireScope(Scopes.Ingest)
            .WithSummary($"Import an export file (CSV or NDJSON) as events: {string.Join(", ", ImportFormats.Names)}; answered like POST /events, rejections by data row")
            .Produces<IngestReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<IResult> Import(
        HttpContext http, string format, string? account, string? platform, string? map, FileImport imports, IngestLimits limits, BatchBody ndjson)
    {
        if (await EventsApi.ReadBodyAsync(http, limits) is not { } file) return EventsApi.TooLarge(http, limits);
        if (format == ImportFormats.Events && EventsApi.Foreign(http.Caller(), ndjson.Read(file, isNdjson: true)) is { Count: > 0 } foreign)
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed with this key",
                detail: $"this key may not write to account(s) {string.Join(", ", foreign)}; nothing of the file was stored");
        try
        {
            return Results.Ok(await imports.ImportAsync(format, file, account, platform, map, progress: null, http.RequestAborted));
        }
        catch (Exception unusable) when (unusable is ImportRequestException or UnrecognisedFileException)
        {
            return Problems.BadRequest(unusable.Message);
        }
    }
}
