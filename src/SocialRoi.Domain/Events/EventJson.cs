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
        json.WriteString(Names.Id, e.Id);
        json.WriteString(Names.Account, e.Account);
        json.WriteString(Names.Type, e.Type.Wire());
        Span<byte> at = stackalloc byte[Timestamps.MaxLength];
        json.WriteString(Names.At, at[..Timestamps.FormatUtf8(e.At, at)]);
        WriteText(json, Names.Platform, e.Platform);
        WriteText(json, Names.Actor, e.Actor);
        WriteText(json, Names.Customer, e.Customer);
        WriteText(json, Names.Post, e.Post);
        WriteText(json, Names.Ref, e.Ref);
        if (e.Count is { } count) json.WriteNumber(Names.Count, count);
        if (e.Amount is { } amount) json.WriteNumber(Names.Amount, amount);
        WriteText(json, Names.Currency, e.Currency);
        WriteText(json, Names.Campaign, e.Campaign);
        if (e.Category is { } category) json.WriteString(Names.Category, category.Wire());
        if (e.Promotional is { } promotional) json.WriteBoolean(Names.Promotional, promotional);
        if (e.Automated is { } automated) json.WriteBoolean(Names.Automated, automated);
        WriteText(json, Names.ContentHash, e.ContentHash);
        if (e.Sentiment is { } sentiment) json.WriteNumber(Names.Sentiment, sentiment);
        if (e.Owned is { } owned) json.WriteBoolean(Names.Owned, owned);
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

    private static void WriteText(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    // Field names encoded once, not checked for escaping and encoded again for every event.
    private static class Names
    {
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Account = JsonEncodedText.Encode("account");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
        public static readonly JsonEncodedText Platform = JsonEncodedText.Encode("platform");
        public static readonly JsonEncodedText Actor = JsonEncodedText.Encode("actor");
        public static readonly JsonEncodedText Customer = JsonEncodedText.Encode("customer");
        public static readonly JsonEncodedText Post = JsonEncodedText.Encode("post");
        public static readonly JsonEncodedText Ref = JsonEncodedText.Encode("ref");
        public static readonly JsonEncodedText Count = JsonEncodedText.Encode("count");
        public static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");
        public static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
        public static readonly JsonEncodedText Campaign = JsonEncodedText.Encode("campaign");
        public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
        public static readonly JsonEncodedText Promotional = JsonEncodedText.Encode("promotional");
        public static readonly JsonEncodedText Automated = JsonEncodedText.Encode("automated");
        public static readonly JsonEncodedText ContentHash = JsonEncodedText.Encode("contentHash");
        public static readonly JsonEncodedText Sentiment = JsonEncodedText.Encode("sentiment");
        public static readonly JsonEncodedText Owned = JsonEncodedText.Encode("owned");
    }
}
