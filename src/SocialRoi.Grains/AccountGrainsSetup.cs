using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Serialization;
using SocialRoi.Grains.Accounts;
using SocialRoi.Grains.Calls;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Storage;

namespace SocialRoi.Grains;

/// <summary>What a silo needs to host account grains on a store: the same for the server and the test clusters.</summary>
public static class AccountGrainsSetup
{
    public static ISiloBuilder AddAccountGrains(this ISiloBuilder silo, IStorage storage, SnapshotSchedule snapshots)
    {
        silo.Services.AddSingleton(snapshots);
        silo.Services.AddSingleton<IEventLog>(storage);
        silo.Services.AddSingleton<IAccountCatalog>(storage);
        silo.AddAdoNetGrainStorage(AccountState.Storage, options =>
        {
            options.Invariant = storage.Orleans.Invariant;
            options.ConnectionString = storage.Orleans.ConnectionString;
        });
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.AddSerializer(serializer => serializer.AddDomainRecords());
        silo.AddIncomingGrainCallFilter<GrainCallMetrics>();
        silo.Services.AddSingleton<AccountMetrics>();
        return silo;
    }
}
