using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Events;

namespace SocialRoi.Grains.Interfaces;

/// <summary>
/// The valid events of one account from one ingest batch. Immutable, so Orleans passes it to the
/// grain without copying it.
/// </summary>
[GenerateSerializer, Immutable, Alias("socialroi.EventBatch")]
public sealed record EventBatch([property: Id(0)] IReadOnlyList<EngagementEvent> Events);

[GenerateSerializer, Alias("socialroi.EventOutcomeKind")]
public enum EventOutcomeKind { Accepted, Duplicate, Rejected }

/// <summary>What recording did with one event; Error says why it was rejected.</summary>
[GenerateSerializer, Immutable, Alias("socialroi.EventOutcome")]
public sealed record EventOutcome([property: Id(0)] EventOutcomeKind Kind, [property: Id(1)] string? Error = null)
{
    public static readonly EventOutcome Accepted = new(EventOutcomeKind.Accepted);
    public static readonly EventOutcome Duplicate = new(EventOutcomeKind.Duplicate);
    public static EventOutcome Rejected(string error) => new(EventOutcomeKind.Rejected, error);
}

/// <summary>An account's settings and how many events it holds.</summary>
[GenerateSerializer, Immutable, Alias("socialroi.AccountOverview")]
public sealed record AccountOverview([property: Id(0)] string Account, [property: Id(1)] AccountSettings Settings, [property: Id(2)] long Events);

/// <summary>The settings after a change, or why the change was refused (SPEC §6: currency is fixed once money is recorded).</summary>
[GenerateSerializer, Immutable, Alias("socialroi.SettingsOutcome")]
public sealed record SettingsOutcome([property: Id(0)] AccountSettings Settings, [property: Id(1)] string? Conflict);
