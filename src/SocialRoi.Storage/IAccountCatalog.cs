using SocialRoi.Domain.Accounts;

namespace SocialRoi.Storage;

/// <summary>An account as storage lists it: settings and goals as its grain last saved them, and its event count.</summary>
public sealed record StoredAccount(string Account, AccountSettings Settings, IReadOnlyList<Goal> Goals, long Events);

/// <summary>
/// The accounts table: a plain-column copy of each account grain's settings and goals, written by
/// the grain after every state write. It lets GET /api/v1/accounts and the bi views read accounts
/// without activating grains or reading Orleans' serialized state.
/// </summary>
public interface IAccountCatalog
{
    Task SaveAccountAsync(string account, AccountSettings settings, IReadOnlyList<Goal> goals, CancellationToken cancellationToken);

    /// <summary>The catalog row of one account, or null when its grain never saved settings.</summary>
    Task<StoredAccount?> FindAccountAsync(string account, CancellationToken cancellationToken);

    /// <summary>Every account with events or saved settings, in ordinal order of the id.</summary>
    Task<IReadOnlyList<StoredAccount>> ListAccountsAsync(CancellationToken cancellationToken);
}
