using SocialRoi.Domain.Accounts;

namespace SocialRoi.Grains.Accounts;

/// <summary>
/// What an account grain persists. Events are not copied here: they stay in the event log, the
/// source of truth, and are read back at activation. AppliedThrough is the log position the
/// state includes.
/// </summary>
public sealed record AccountState
{
    public AccountSettings Settings { get; init; } = new();
    public IReadOnlyList<Goal> Goals { get; init; } = [];
    public long AppliedThrough { get; init; }
    public long EventCount { get; init; }
}
