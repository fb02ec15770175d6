using System.Text.Json;
using System.Text.Json.Nodes;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Tests;

/// <summary>Builds test events the way clients send them: JSON, read through the real reader.</summary>
public static class Ev
{
    public static readonly DateTimeOffset Day0 = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The JSON of an event at Day0 + day, with extra fields from an anonymous object.</summary>
    public static JsonObject Json(string type, string id, double day, object? fields = null)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["account"] = "acme",
            ["type"] = type,
            ["at"] = Timestamps.Format(Day0.AddDays(day)),
        };
        if (fields is not null)
        {
            foreach (var property in fields.GetType().GetProperties())
                json[property.Name] = JsonSerializer.SerializeToNode(property.GetValue(fields));
        }
        return json;
    }

    public static EngagementEvent Make(string type, string id, double day, object? fields = null) => Read(Json(type, id, day, fields));

    public static EngagementEvent Read(JsonObject json)
    {
        var reading = EventReader.Read(JsonSerializer.SerializeToElement(json), Now);
        return reading.Event ?? throw new ArgumentException(string.Join("; ", reading.Errors));
    }

    public static IReadOnlyList<string> Errors(JsonNode json) =>
        EventReader.Read(JsonSerializer.SerializeToElement(json), Now).Errors;
}
