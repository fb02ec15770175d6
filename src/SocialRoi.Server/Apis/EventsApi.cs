using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SocialRoi.Server.Hosting;
using SocialRoi.Server.Ingest;
using SocialRoi.Server.Security;

namespace SocialRoi.Server.Apis;

/// <summary>SPEC §7: POST /api/v1/events.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/events", PostEvents)
            .RequireScope(Scopes.Ingest)
            .WithSummary("Ingest one event, a JSON array of events, or NDJSON (application/x-ndjson)")
            .AddOpenApiOperationTransformer(DescribeBody)
            .Produces<IngestReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<IResult> PostEvents(HttpContext http, EventIngest ingest, IngestLimits limits, BatchBody reader)
    {
        if (await ReadBodyAsync(http, limits) is not { } body) return TooLarge(http, limits);

        // Anything not declared NDJSON is read as JSON, so a bare `curl -d` works too.
        var isNdjson = http.Request.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) == true;
        IReadOnlyList<SubmittedEvent> batch;
        try
        {
            batch = reader.Read(body, isNdjson);
        }
        catch (UnreadableBodyException unreadable)
        {
            return Problems.BadRequest(unreadable.Message);
        }
        catch (BatchTooLargeException tooMany)
        {
            return Results.Problem(detail: tooMany.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many events in one batch");
        }
        if (Foreign(http.Caller(), batch) is { Count: > 0 } foreign)
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed with this key",
                detail: $"this key may not write to account(s) {string.Join(", ", foreign)}; nothing of the batch was stored");
        // The answer is written only after every account's part of the batch has committed.
        return Results.Ok(await ingest.IngestAsync(batch));
    }

    /// <summary>The whole body, or null when it is over the ingest limit (SPEC §7: 16 MiB by default).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpContext http, IngestLimits limits)
    {
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limits.MaxBodyBytes;
        if (http.Request.ContentLength > limits.MaxBodyBytes) return null;
        try
        {
            // With a declared length the body is read straight into one array of that size: growing a
            // buffer and copying it out cost three times the body's size in garbage per batch.
            if (http.Request.ContentLength is { } length)
            {
                var body = new byte[length];
                await http.Request.Body.ReadExactlyAsync(body, http.RequestAborted);
                return body;
            }
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            return buffer.ToArray();
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    // The rest of the body stays unread, so the connection cannot carry another request: say so,
    // or a client reusing it would find its next answer cut off.
    public static IResult TooLarge(HttpContext http, IngestLimits limits)
    {
        http.Response.Headers.Connection = "close";
        return Problems.TooLarge(limits.MaxBodyBytes);
    }

    // SPEC §11: a batch naming an account outside the key's is refused whole, before anything is stored.
    public static List<string> Foreign(Caller caller, IReadOnlyList<SubmittedEvent> batch) =>
        batch.Select(e => e.Account).OfType<string>().Where(account => !caller.Allows(account)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    // Documents the body without declaring it to routing, which would answer 415 to a bare `curl -d`.
    private static async Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var events = await context.GetOrCreateSchemaAsync(typeof(EventBody[]), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One event object, a JSON array of events, or NDJSON: one event object per line (SPEC §1).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = events },
                ["application/x-ndjson"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "one event object per non-blank line" } },
            },
        };
    }
}
