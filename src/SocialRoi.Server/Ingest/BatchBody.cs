using System.Text.Json;
using SocialRoi.Domain.Events;

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
/// <remarks>
/// An NDJSON line's event is read in one pass over its bytes; only a line that pass declines (a
/// broken rule, JSON it does not read) is parsed into a document, to say what is wrong. Either way
/// the event is checked while its line is at hand: keeping every line's JSON until the whole batch
/// was read meant copying it (~650 bytes per event, a quarter of all that ingest allocated).
/// </remarks>
public sealed class BatchBody(IngestLimits limits, TimeProvider time)
{
    private JsonDocumentOptions Json => new() { MaxDepth = limits.MaxJsonDepth };

    public IReadOnlyList<SubmittedEvent> Read(byte[] body, bool isNdjson) => isNdjson ? ReadNdjson(body) : ReadJson(body);

    /// <summary>A batch of an NDJSON file's lines; <paramref name="firstIndex"/> is the index of its first line in the file.</summary>
    public IReadOnlyList<SubmittedEvent> ReadLines(int firstIndex, IReadOnlyList<NdjsonLine> lines)
    {
        var now = time.GetUtcNow();
        return lines.Select((line, i) => ReadLine(firstIndex + i, line.Bytes, line.Offset, now)).ToList();
    }

    /// <summary>An event object made by SocialRoi itself (a file import's row), checked like any submitted one.</summary>
    public SubmittedEvent ReadEvent(int index, JsonElement json) => SubmittedEvent.Read(index, json, time.GetUtcNow());

    /// <summary>Each non-blank line is one event; blank lines take no index; a bad line is rejected at its index.</summary>
    private IReadOnlyList<SubmittedEvent> ReadNdjson(byte[] body)
    {
        var now = time.GetUtcNow();
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
                events.Add(ReadLine(events.Count, line, start, now));
            }
            start = end + 1;
        }
        return events;
    }

    /// <summary>One NDJSON line at its index; offset is where the line starts, for naming a bad byte.</summary>
    private SubmittedEvent ReadLine(int index, ReadOnlyMemory<byte> line, long offset, DateTimeOffset now)
    {
        if (line.Length > limits.MaxLineBytes)
            return SubmittedEvent.Unreadable(index, $"line is {line.Length} bytes long, over the limit of {limits.MaxLineBytes}; one event per line");
        if (Utf8Text.FirstInvalidByte(line.Span) is { } bad)
            return SubmittedEvent.Unreadable(index, $"line is not valid UTF-8 at byte offset {offset + bad} (0x{line.Span[bad]:X2}); send UTF-8 text");
        if (EventReader.TryReadValid(line.Span, now) is { } valid) return SubmittedEvent.Valid(index, valid);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Json);
        }
        catch (JsonException error)
        {
            return SubmittedEvent.Unreadable(index, $"line is not valid JSON: {error.Message}");
        }
        using (document) return SubmittedEvent.Read(index, document.RootElement, now);
    }

    private IReadOnlyList<SubmittedEvent> ReadJson(byte[] body)
    {
        var now = time.GetUtcNow();
        if (Utf8Text.FirstInvalidByte(body) is { } bad)
            throw new UnreadableBodyException($"the body is not valid UTF-8 at byte offset {bad} (0x{body[bad]:X2}); send UTF-8 text");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Json);
        }
        catch (JsonException error)
        {
            throw new UnreadableBodyException(
                $"the body is not valid JSON ({error.Message}); send one event object, a JSON array of events, or NDJSON with Content-Type application/x-ndjson");
        }
        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [SubmittedEvent.Read(0, root, now)],
                JsonValueKind.Array when root.GetArrayLength() > limits.MaxEventsPerBatch => throw TooMany(),
                JsonValueKind.Array => root.EnumerateArray().Select((e, i) => SubmittedEvent.Read(i, e, now)).ToList(),
                _ => throw new UnreadableBodyException($"the body must be an event object or an array of events, got {root.ValueKind.ToString().ToLowerInvariant()}"),
            };
        }
    }

    private BatchTooLargeException TooMany() =>
        new($"the batch has more than {limits.MaxEventsPerBatch} events; split it into batches of at most {limits.MaxEventsPerBatch}");
}
