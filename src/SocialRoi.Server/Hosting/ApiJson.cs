using System.Text.Json;
using System.Text.Json.Serialization;
using SocialRoi.Domain.Time;

namespace SocialRoi.Server.Hosting;

/// <summary>JSON as the contract spells it: camelCase fields, UTC instants ending in Z, nulls written out.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new UtcInstantConverter());
    }

    private sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Timestamps.TryParseRfc3339(reader.GetString() ?? "", out var instant)
                ? instant
                : throw new JsonException("expected an RFC 3339 timestamp with offset");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Timestamps.Format(value));
    }
}
