using System.Text.Json;

namespace SocialRoi.Server.Ingest;

/// <summary>A body that cannot be read as a batch at all; the message says what to send.</summary>
public sealed class UnreadableBodyException(string message) : Exception(message);

/// <summary>A batch over the events-per-batch limit: nothing of it is read.</summary>
public sealed class BatchTooLargeException(string message) : Exception(message);

/// <summary>
/// SPEC §7: a body is one event, a JSON array of events, or NDJSON (one event per non-blank line).
/// Bytes are checked as UTF-8 before anything is decoded, so bad bytes are rejected where they are,
/// never replaced.
/// </summary>
public sealed class BatchBody(IngestLimits limits)
{
    private JsonDocumentOptions Json => new() { MaxDepth = limits.MaxJsonDepth };

    public IReadOnlyList<SubmittedEvent> Read(byte[] body, bool isNdjson) => isNdjson ? ReadNdjson(body) : ReadJson(body);

    /// <summary>Each non-blank line is one event; blank lines take no index; a bad line is rejected at its index.</summary>
    private IReadOnlyList<SubmittedEvent> ReadNdjson(byte[] body)
    {
        var events = new List<SubmittedEvent>();
        var start = 0;
        while (start <= body.Length)
        {
            var end = Array.IndexOf(body, (byte)'\n', start);
            if (end < 0) end = body.Length;
            var line = body.AsMemory(start, end - start);
            if (!line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                if (events.Count == limits.MaxEventsPerBatch) throw TooMany();
                events.Add(ReadLine(events.Count, line, start));
            }
            start = end + 1;
        }
        return events;
    }

    /// <summary>One NDJSON line at its index; offset is where the line starts, for naming a bad byte.</summary>
    public SubmittedEvent ReadLine(int index, ReadOnlyMemory<byte> line, long offset)
    {
        if (line.Length > limits.MaxLineBytes)
            return new SubmittedEvent(index, null, $"line is {line.Length} bytes long, over the limit of {limits.MaxLineBytes}; one event per line");
        if (Utf8Text.FirstInvalidByte(line.Span) is { } bad)
            return new SubmittedEvent(index, null, $"line is not valid UTF-8 at byte offset {offset + bad} (0x{line.Span[bad]:X2}); send UTF-8 text");
        try
        {
            using var document = JsonDocument.Parse(line, Json);
            return new SubmittedEvent(index, document.RootElement.Clone(), null);
        }
        catch (JsonException error)
        {
            return new SubmittedEvent(index, null, $"line is not valid JSON: {error.Message}");
        }
    }

    private IReadOnlyList<SubmittedEvent> ReadJson(byte[] body)
    {
        if (Utf8Text.FirstInvalidByte(body) is { } bad)
            throw new UnreadableBodyException($"the body is not valid UTF-8 at byte offset {bad} (0x{body[bad]:X2}); send UTF-8 text");
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, Json);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new UnreadableBodyException(
                $"the body is not valid JSON ({error.Message}); send one event object, a JSON array of events, or NDJSON with Content-Type application/x-ndjson");
        }
        return root.ValueKind switch
        {
            JsonValueKind.Object => [new SubmittedEvent(0, root, null)],
            JsonValueKind.Array when root.GetArrayLength() > limits.MaxEventsPerBatch => throw TooMany(),
            JsonValueKind.Array => root.EnumerateArray().Select((e, i) => new SubmittedEvent(i, e, null)).ToList(),
            _ => throw new UnreadableBodyException($"the body must be an event object or an array of events, got {root.ValueKind.ToString().ToLowerInvariant()}"),
        };
    }

    private BatchTooLargeException TooMany() =>
        new($"the batch has more than {limits.MaxEventsPerBatch} events; split it into batches of at most {limits.MaxEventsPerBatch}");
}
