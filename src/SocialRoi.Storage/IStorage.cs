namespace SocialRoi.Storage;

/// <summary>
/// One opened store: the event log, the accounts catalog, the API keys and Orleans' grain state
/// tables live side by side in it.
/// </summary>
public interface IStorage : IEventLog, IAccountCatalog, IApiKeyStore, IInstallationSecrets, IAsyncDisposable
{
    /// <summary>Where the data lives, for start-up messages (never includes a password).</summary>
    string Description { get; }

    /// <summary>How Orleans' ADO.NET providers reach this store: their invariant name and connection string.</summary>
    OrleansDatabase Orleans { get; }
}

/// <summary>An ADO.NET invariant name as Orleans' providers know it, and the connection string to use with it.</summary>
public sealed record OrleansDatabase(string Invariant, string ConnectionString)
{
    /// <summary>Orleans' ADO.NET clustering runs on PostgreSQL only here (SPEC §12).</summary>
    public bool SupportsClustering => Invariant == "Npgsql";
}
