using System.Text;
using System.Text.Json;

namespace SocialRoi.Server.Ingest;

/// <summary>A body that cannot be read as a batch at all; the message says what to send.</summary>
public sealed class UnreadableBodyException(string message) : Exception(message);

/// <summary>SPEC §7: a body is one event, a JSON array of events, or NDJSON (one event per non-blank line).</summary>
public static class BatchBody
{
    public static IReadOnlyList<SubmittedEvent> Read(byte[] body, bool isNdjson) =>
        isNdjson ? ReadNdjson(Encoding.UTF8.GetString(body), firstIndex: 0) : ReadJson(body);

    /// <summary>Each non-blank line is one event; blank lines take no index; a bad line is rejected at its index.</summary>
    public static IReadOnlyList<SubmittedEvent> ReadNdjson(string text, int firstIndex)
    {
        var events = new List<SubmittedEvent>();
        var index = firstIndex;
        foreach (var line in text.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            events.Add(ReadLine(index++, line));
        }
        return events;
    }

    public static SubmittedEvent ReadLine(int index, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return new SubmittedEvent(index, document.RootElement.Clone(), null);
        }
        catch (JsonException error)
        {
            return new SubmittedEvent(index, null, $"line is not valid JSON: {error.Message}");
        }
    }

    private static IReadOnlyList<SubmittedEvent> ReadJson(byte[] body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
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
            JsonValueKind.Array => root.EnumerateArray().Select((e, i) => new SubmittedEvent(i, e, null)).ToList(),
            _ => throw new UnreadableBodyException($"the body must be an event object or an array of events, got {root.ValueKind.ToString().ToLowerInvariant()}"),
        };
    }
}
