using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Runtime;
using Orleans.TestingHost;
using SocialRoi.Grains.Accounts;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Storage;
using SocialRoi.Testing;

namespace SocialRoi.Grains.Tests;

/// <summary>
/// Orleans' own test cluster hosting the account grains on a real store (SQLite or PostgreSQL)
/// through the real ADO.NET providers. Clusters share SocialRoi's service id, so two of them on one
/// store see each other's grain state, as two deployments of one service would.
/// </summary>
public sealed class AccountCluster : IAsyncDisposable
{
    private const string StorageKey = "SocialRoi:Storage";

    private readonly TestCluster _cluster;

    private AccountCluster(TestCluster cluster) => _cluster = cluster;

    public static async Task<AccountCluster> StartAsync(TestStore store)
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.Options.ServiceId = "socialroi";
        builder.Properties[StorageKey] = store.Uri;
        builder.AddSiloBuilderConfigurator<OnStore>();
        builder.AddClientBuilderConfigurator<WithDomainRecords>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new AccountCluster(cluster);
    }

    public IAccountGrain Account(string account) => _cluster.GrainFactory.GetGrain<IAccountGrain>(account);

    /// <summary>Deactivates every idle activation, so the next call activates afresh from storage.</summary>
    public Task CollectActivationsAsync() =>
        _cluster.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>How many account grains are active in the cluster now.</summary>
    public async Task<int> ActiveAccountsAsync()
    {
        var statistics = await _cluster.GrainFactory.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("AccountGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    // The test's own calls come through an Orleans client, which must read the domain records too.
    private sealed class WithDomainRecords : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.Services.AddSerializer(serializer => serializer.AddDomainRecords());
    }

    private sealed class OnStore : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var storage = StorageUri.OpenAsync(silo.Configuration[StorageKey]!, CancellationToken.None).GetAwaiter().GetResult();
            silo.AddAccountGrains(storage, new SnapshotSchedule());
        }
    }
}
