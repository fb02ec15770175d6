namespace SocialRoi.Storage;

/// <summary>Secrets made once per installation and kept beside the data (the customer-id hashing key).</summary>
public interface IInstallationSecrets
{
    /// <summary>The secret of that name; the first caller's candidate becomes it, so every node agrees.</summary>
    Task<string> GetOrCreateSecretAsync(string name, string candidate, CancellationToken cancellationToken);
}
