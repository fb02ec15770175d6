using SocialRoi.Domain.Events;
using SocialRoi.Storage;
using SocialRoi.Testing;

namespace SocialRoi.Grains.Tests;

/// <summary>The event log on both stores: idempotent appends, migrations applied once.</summary>
public class StorageTests
{
    private static EngagementEvent Like(string id, string actor) => new()
    {
        Id = id, Account = "acme", Type = EventType.Like, At = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), Platform = "x", Actor = actor,
    };

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Stores_starting_together_apply_each_migration_once_and_both_work(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(test.OpenAsync)));
        try
        {
            await opened[0].AppendAsync([Like("k1", "ann")], CancellationToken.None);
            await opened[3].AppendAsync([Like("k2", "bob")], CancellationToken.None);
            Assert.Equal(2, (await opened[1].ReadAccountAsync("acme", CancellationToken.None)).Count);
        }
        finally
        {
            foreach (var storage in opened) await storage.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_append_tells_stored_duplicate_and_conflicting_events_apart(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        await storage.AppendAsync([Like("k1", "ann")], CancellationToken.None);

        var results = await storage.AppendAsync(
            [Like("k1", "ann"), Like("k1", "bob"), Like("k2", "cy"), Like("k2", "cy"), Like("k2", "dee")], CancellationToken.None);

        Assert.Equal(
            [AppendOutcome.Duplicate, AppendOutcome.Conflict, AppendOutcome.Stored, AppendOutcome.Duplicate, AppendOutcome.Conflict],
            results.Select(r => r.Outcome));
        Assert.True(results[2].Position > 0);
        var logged = await storage.ReadAccountAsync("acme", CancellationToken.None);
        Assert.Equal(["ann", "cy"], logged.Select(l => l.Event.Actor));
    }
}
