using System.Text.Json;
using SocialRoi.Domain.Events;

namespace SocialRoi.Server.Ingest;

/// <summary>
/// One event of a submitted batch at its 0-based index, checked against SPEC §1 as it was read: the
/// event, or the error that says what to fix. <see cref="Id"/> and <see cref="Account"/> are what the
/// sender wrote, when they are strings, so a rejection can name the event and a key can be held to
/// its accounts even for an event that is not valid.
/// </summary>
public sealed record SubmittedEvent(int Index, EngagementEvent? Event, string? Id, string? Account, string? Error)
{
    /// <summary>Reads one event object at the ingest instant <paramref name="now"/>.</summary>
    public static SubmittedEvent Read(int index, JsonElement json, DateTimeOffset now)
    {
        var reading = EventReader.Read(json, now);
        return reading.Event is { } e
            ? Valid(index, e)
            : new SubmittedEvent(index, null, reading.Id ?? Written(json, "id"), Written(json, "account"), string.Join("; ", reading.Errors));
    }

    /// <summary>An event that passed every rule.</summary>
    public static SubmittedEvent Valid(int index, EngagementEvent e) => new(index, e, e.Id, e.Account, null);

    /// <summary>An event that could not be read as JSON at all.</summary>
    public static SubmittedEvent Unreadable(int index, string error) => new(index, null, null, null, error);

    private static string? Written(JsonElement json, string field) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
