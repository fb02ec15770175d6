using SocialRoi.Storage;

namespace SocialRoi.Server.Security;

/// <summary>
/// The active API keys by hash, re-read from storage every few seconds (Security:KeyRefreshSeconds),
/// so a key created or revoked on any node of a cluster holds on every node within seconds.
/// </summary>
public sealed class KeyRing(IApiKeyStore store, SecurityOptions options, IReadOnlyList<StoredApiKey> initial, ILogger<KeyRing> log) : BackgroundService
{
    private volatile IReadOnlyDictionary<string, StoredApiKey> _active = Active(initial);

    /// <summary>True once any key exists: from then on every request needs one.</summary>
    public bool HasKeys => _active.Count > 0;

    public StoredApiKey? Find(string secret) => _active.GetValueOrDefault(ApiKeys.Hash(secret));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.KeyRefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                _active = Active(await store.ListKeysAsync(stoppingToken));
            }
            catch (Exception unreachable) when (unreachable is not OperationCanceledException)
            {
                log.LogWarning(unreachable, "could not re-read the API keys; the ones read before stay in force");
            }
        }
    }

    private static IReadOnlyDictionary<string, StoredApiKey> Active(IEnumerable<StoredApiKey> keys) =>
        keys.Where(k => k.RevokedAt is null).ToDictionary(k => k.Hash, StringComparer.Ordinal);
}
