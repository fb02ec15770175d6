using System.Buffers;
using System.Text;
using System.Text.Json;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Events;

/// <summary>
/// The canonical JSON of an event: fixed field order, UTC time, defaults written out.
/// Two submissions with the same canonical JSON are the same event (a duplicate, SPEC §7).
/// </summary>
public static class EventJson
{
    // Every ingested event is written once: each thread reuses one buffer and writer instead of
    // allocating and growing new ones per event.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    public static string Write(EngagementEvent e)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("id", e.Id);
        json.WriteString("account", e.Account);
        json.WriteString("type", e.Type.Wire());
        json.WriteString("at", Timestamps.Format(e.At));
        WriteText(json, "platform", e.Platform);
        WriteText(json, "actor", e.Actor);
        WriteText(json, "customer", e.Customer);
        WriteText(json, "post", e.Post);
        WriteText(json, "ref", e.Ref);
        if (e.Count is { } count) json.WriteNumber("count", count);
        if (e.Amount is { } amount) json.WriteNumber("amount", amount);
        WriteText(json, "currency", e.Currency);
        WriteText(json, "campaign", e.Campaign);
        if (e.Category is { } category) json.WriteString("category", category.Wire());
        if (e.Promotional is { } promotional) json.WriteBoolean("promotional", promotional);
        if (e.Automated is { } automated) json.WriteBoolean("automated", automated);
        WriteText(json, "contentHash", e.ContentHash);
        if (e.Sentiment is { } sentiment) json.WriteNumber("sentiment", sentiment);
        if (e.Owned is { } owned) json.WriteBoolean("owned", owned);
        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads one event back from its stored JSON; the log only holds events that passed validation.</summary>
    public static EngagementEvent Read(string canonical) => Read(Encoding.UTF8.GetBytes(canonical), new NamePool());

    /// <summary>
    /// Reads an event back from the stored log, its repeated names shared through <paramref name="names"/>.
    /// Canonical JSON is read directly; anything else goes through every rule of SPEC §1 again.
    /// </summary>
    public static EngagementEvent Read(ReadOnlySpan<byte> canonical, NamePool names)
    {
        if (CanonicalEventReader.TryRead(canonical, names) is { } e) return e;
        using var document = JsonDocument.Parse(canonical.ToArray());
        var reading = EventReader.Read(document.RootElement, now: null);
        return reading.Event ?? throw new InvalidDataException(
            $"stored event \"{reading.Id}\" no longer validates: {string.Join("; ", reading.Errors)}");
    }

    private static void WriteText(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }
}
