using SocialRoi.Domain.Accounts;

namespace SocialRoi.Grains.Accounts;

/// <summary>
/// What an account grain keeps in Orleans grain state: what users set, nothing derived. Events are
/// not here: they stay in the event log, the source of truth, and are read back at activation.
/// </summary>
[GenerateSerializer, Alias("socialroi.AccountState")]
public sealed record AccountState
{
    /// <summary>The [PersistentState] name: Orleans keys state rows by (service, this name, account).</summary>
    public const string Name = "account";

    /// <summary>The grain storage provider that holds it.</summary>
    public const string Storage = "accounts";

    [Id(0)] public AccountSettings Settings { get; init; } = new();
    [Id(1)] public IReadOnlyList<Goal> Goals { get; init; } = [];
}
