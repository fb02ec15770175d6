using SocialRoi.Domain.Accounts;

namespace SocialRoi.Grains.Interfaces;

public enum EventOutcomeKind { Accepted, Duplicate, Rejected }

/// <summary>What recording did with one event; Error says why it was rejected.</summary>
public sealed record EventOutcome(EventOutcomeKind Kind, string? Error = null)
{
    public static readonly EventOutcome Accepted = new(EventOutcomeKind.Accepted);
    public static readonly EventOutcome Duplicate = new(EventOutcomeKind.Duplicate);
    public static EventOutcome Rejected(string error) => new(EventOutcomeKind.Rejected, error);
}

/// <summary>An account as GET /api/v1/accounts lists it.</summary>
public sealed record AccountOverview(string Account, AccountSettings Settings, long Events);

/// <summary>The settings after a change, or why the change was refused (SPEC §6: currency is fixed once money is recorded).</summary>
public sealed record SettingsOutcome(AccountSettings Settings, string? Conflict);
