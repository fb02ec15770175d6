using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SocialRoi.Server.Hosting;
using SocialRoi.Server.Ingest;

namespace SocialRoi.Server.Apis;

/// <summary>SPEC §7: POST /api/v1/events.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/events", PostEvents)
            .WithSummary("Ingest one event, a JSON array of events, or NDJSON (application/x-ndjson)")
            .AddOpenApiOperationTransformer(DescribeBody)
            .Produces<IngestReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<IResult> PostEvents(HttpContext http, EventIngest ingest, IngestLimits limits)
    {
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limits.MaxBodyBytes;
        if (http.Request.ContentLength > limits.MaxBodyBytes) return Problems.TooLarge(limits.MaxBodyBytes);

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.TooLarge(limits.MaxBodyBytes);
        }

        // Anything not declared NDJSON is read as JSON, so a bare `curl -d` works too.
        var isNdjson = http.Request.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) == true;
        IReadOnlyList<SubmittedEvent> batch;
        try
        {
            batch = BatchBody.Read(body, isNdjson);
        }
        catch (UnreadableBodyException unreadable)
        {
            return Problems.BadRequest(unreadable.Message);
        }
        // The answer is written only after every account's part of the batch has committed.
        return Results.Ok(await ingest.IngestAsync(batch));
    }

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

/// <summary>Bound from "Ingest": the largest body POST /events takes (SPEC §7: 16 MiB by default).</summary>
public sealed record IngestLimits
{
    public long MaxBodyBytes { get; init; } = 16 * 1024 * 1024;
}
