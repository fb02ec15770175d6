using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Events;
using SocialRoi.Storage;
using SocialRoi.Testing;

namespace SocialRoi.Grains.Tests;

/// <summary>The event log on both stores: idempotent appends, migrations applied once, whole accounts read back, events counted per account.</summary>
public class StorageTests
{
    // Stored event k100 as a hand edit might leave it: no reader of the log takes it.
    private const string K100WithoutItsInstant = """{"id":"k100","account":"acme","type":"like","platform":"x","actor":"ann"}""";

    private static EngagementEvent Like(string id, string actor) => new()
    {
        Id = id, Account = "acme", Type = EventType.Like, At = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), Platform = "x", Actor = actor,
    };

    private static readonly string[] NamesInFourScripts = ["zoë", "渡辺", "🎉 fan", "\"quoted\"\n"];

    // Like k0 by the first actor, k1 by the second, and so on.
    private static List<EngagementEvent> LikesBy(string[] actors) => actors.Select((actor, i) => Like($"k{i}", actor)).ToList();

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
            Assert.Equal(2, (await opened[1].ReadAccountAsync("acme", new NamePool(), CancellationToken.None)).Count);
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
            results);
        var logged = await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);
        Assert.Equal(["ann", "cy"], logged.Select(e => e.Actor));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_batch_of_new_events_repeating_a_key_stores_it_once_and_keeps_the_batch_order(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();

        var results = await storage.AppendAsync(
            [Like("k3", "ann"), Like("k1", "bob"), Like("k3", "ann"), Like("k2", "cy"), Like("k1", "dee")], CancellationToken.None);
        var fresh = await storage.AppendAsync([Like("k5", "eve"), Like("k4", "fay")], CancellationToken.None);

        Assert.Equal([AppendOutcome.Stored, AppendOutcome.Stored, AppendOutcome.Duplicate, AppendOutcome.Stored, AppendOutcome.Conflict], results);
        Assert.Equal([AppendOutcome.Stored, AppendOutcome.Stored], fresh);
        var logged = await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);
        Assert.Equal(["ann", "bob", "cy", "eve", "fay"], logged.Select(e => e.Actor));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Appends_made_at_once_by_many_accounts_each_get_their_own_outcomes(string store)
    {
        const int Accounts = 150; // more than PostgreSQL's default 100 connections
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        EngagementEvent Event(int account, int i, string actor) => Like($"k{i}", actor) with { Account = $"acct-{account}" };
        var first = Enumerable.Range(0, Accounts).Select(a => Enumerable.Range(0, 30).Select(i => Event(a, i, "ann")).ToList()).ToList();

        var stored = await Task.WhenAll(first.Select(events => Task.Run(() => storage.AppendAsync(events, CancellationToken.None))));
        Assert.All(stored, outcomes => Assert.Equal(Enumerable.Repeat(AppendOutcome.Stored, 30), outcomes));

        // Again at once, each account resending its events with a different one changed: each append is told about its own.
        static int Changed(int account) => account % 30;
        var again = await Task.WhenAll(Enumerable.Range(0, Accounts).Select(a => Task.Run(() => storage.AppendAsync(
            [.. first[a].Select((e, i) => i == Changed(a) ? Event(a, i, "bob") : e), Event(a, 30, "cy")], CancellationToken.None))));
        for (var a = 0; a < Accounts; a++)
        {
            var expected = Enumerable.Range(0, 31).Select(i => i == 30 ? AppendOutcome.Stored : i == Changed(a) ? AppendOutcome.Conflict : AppendOutcome.Duplicate);
            Assert.Equal(expected, again[a]);
            var logged = await storage.ReadAccountAsync($"acct-{a}", new NamePool(), CancellationToken.None);
            Assert.Equal(31, logged.Count);
            Assert.Equal(30, logged.Count(e => e.Actor == "ann")); // the stored event stays, not the changed copy
            Assert.Equal("cy", logged[^1].Actor);
        }
        var listed = await storage.ListAccountsAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, Accounts).Select(a => ($"acct-{a}", 31L)).Order(), listed.Select(a => (a.Account, a.Events)).Order());
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Appends_still_queued_when_the_store_closes_are_written_and_answered_and_later_ones_refused(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        var storage = await test.OpenAsync();
        var appends = Enumerable.Range(0, 40).Select(a => storage.AppendAsync(
            Enumerable.Range(0, 50).Select(i => Like($"k{i}", "ann") with { Account = $"acct-{a}" }).ToList(), CancellationToken.None)).ToList();

        await storage.DisposeAsync();

        Assert.All(await Task.WhenAll(appends), outcomes => Assert.Equal(Enumerable.Repeat(AppendOutcome.Stored, 50), outcomes));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.AppendAsync([Like("late", "bob")], CancellationToken.None));
        await using var reopened = await test.OpenAsync();
        Assert.Equal(2_000, (await reopened.ListAccountsAsync(CancellationToken.None)).Sum(a => a.Events));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Accounts_are_listed_with_the_events_they_stored_and_no_duplicate_or_conflicting_one(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        static EngagementEvent Of(string account, string id, string actor) => Like(id, actor) with { Account = account };
        await storage.AppendAsync([Of("acme", "k1", "ann"), Of("acme", "k2", "bob")], CancellationToken.None); // all new
        await storage.AppendAsync( // one new among a duplicate, a conflict and a repeat within the batch
            [Of("acme", "k1", "ann"), Of("acme", "k2", "eve"), Of("acme", "k3", "cy"), Of("acme", "k3", "cy")], CancellationToken.None);
        await storage.AppendAsync([Of("bolt", "k1", "ann")], CancellationToken.None);
        await storage.SaveAccountAsync("acme", new AccountSettings(), [], CancellationToken.None);
        await storage.SaveAccountAsync("quiet", new AccountSettings(), [], CancellationToken.None);

        var listed = await storage.ListAccountsAsync(CancellationToken.None);

        Assert.Equal([("acme", 3L), ("bolt", 1L), ("quiet", 0L)], listed.Select(a => (a.Account, a.Events)));
        Assert.Equal(3, (await storage.FindAccountAsync("acme", CancellationToken.None))!.Events);
        Assert.Equal(0, (await storage.FindAccountAsync("quiet", CancellationToken.None))!.Events);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_database_from_before_accounts_kept_event_counts_has_its_events_counted_when_opened(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using (var before = await test.OpenAsync())
        {
            await before.AppendAsync([Like("k1", "ann"), Like("k2", "bob"), Like("k3", "cy")], CancellationToken.None);
            await before.AppendAsync([Like("k1", "ann") with { Account = "bolt" }], CancellationToken.None);
        }
        // Back to the schema before the counts: on PostgreSQL the bi view found its accounts in the log,
        // and bi.accounts, which reads the counts, came later.
        await test.ExecuteBesideAsync(test.Kind == TestStore.Sqlite
            ? "DROP TABLE account_event_counts; DELETE FROM schema_migrations WHERE name = 'account_event_counts';"
            : """
              DROP VIEW bi.accounts; DELETE FROM schema_migrations WHERE name = 'bi_accounts';
              CREATE OR REPLACE VIEW account_settings AS
              SELECT a.account, coalesce(s.lookback_days, 30) AS lookback_days, coalesce(s.margin, 1) AS margin, coalesce(s.currency, 'USD') AS currency
              FROM (SELECT DISTINCT account FROM events) a LEFT JOIN accounts s ON s.account = a.account;
              DROP TRIGGER count_stored_events ON events; DROP FUNCTION count_stored_events(); DROP TABLE account_event_counts;
              DELETE FROM schema_migrations WHERE name = 'account_event_counts';
              """);

        await using var storage = await test.OpenAsync();
        Assert.Equal([("acme", 3L), ("bolt", 1L)], (await storage.ListAccountsAsync(CancellationToken.None)).Select(a => (a.Account, a.Events)));
        await storage.AppendAsync([Like("k4", "dee")], CancellationToken.None);
        Assert.Equal([("acme", 4L), ("bolt", 1L)], (await storage.ListAccountsAsync(CancellationToken.None)).Select(a => (a.Account, a.Events)));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_long_log_reads_back_whole_and_in_append_order(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        // Several of the chunks the reader hands over at a time, the last one partly filled.
        var appended = Enumerable.Range(0, 10_000).Select(i => Like($"k{9_999 - i}", $"member-{i % 97}") with { At = Like("", "").At.AddMinutes(i % 500) }).ToList();
        foreach (var batch in appended.Chunk(2_500)) await storage.AppendAsync(batch, CancellationToken.None);

        var logged = await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);

        Assert.Equal(appended, logged);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Names_in_any_script_read_back_as_they_were_written(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        await storage.AppendAsync(LikesBy(NamesInFourScripts), CancellationToken.None);

        var logged = await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);

        Assert.Equal(NamesInFourScripts, logged.Select(e => e.Actor));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Events_resent_with_names_in_any_script_are_duplicates_and_a_changed_one_a_conflict(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        await storage.AppendAsync(LikesBy(NamesInFourScripts), CancellationToken.None);

        var resent = await storage.AppendAsync(LikesBy(["zoë", "渡辺", "🎊 fan", "\"quoted\"\n"]), CancellationToken.None);

        Assert.Equal([AppendOutcome.Duplicate, AppendOutcome.Duplicate, AppendOutcome.Conflict, AppendOutcome.Duplicate], resent);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_stored_event_that_no_longer_reads_stops_the_read_with_its_error(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        // Far more rows than the reader buffers, so the fetching side is still waiting when the error comes.
        foreach (var batch in Enumerable.Range(0, 60_000).Select(i => Like($"k{i}", "ann")).Chunk(5_000))
            await storage.AppendAsync(batch, CancellationToken.None);
        await test.ReplaceStoredBodyAsync("acme", "k100", K100WithoutItsInstant);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None));

        Assert.Contains("stored event \"k100\" no longer validates: at is required", error.Message);
        Assert.Equal([AppendOutcome.Stored], await storage.AppendAsync([Like("k60000", "bob")], CancellationToken.None)); // the store still works
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_account_reads_back_through_its_snapshot_exactly_as_saved_in_time_order(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        await AppendEveryKindAsync(storage, 25_000); // in time order
        var fromLog = await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);

        var saved = await storage.SaveSnapshotAsync("acme", fromLog.Reverse().ToList(), CancellationToken.None); // in any order
        // A read through the snapshot never parses the bodies it holds: this one would stop a read of the log.
        await test.ReplaceStoredBodyAsync("acme", "k100", K100WithoutItsInstant);
        var logged = await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);

        Assert.True(saved);
        // The canonical JSON holds every field, a sentiment's sign included.
        Assert.Equal(fromLog.Select(EventJson.Write), logged.Select(EventJson.Write));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Events_stored_after_the_snapshot_are_read_from_the_log_after_its_events(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        var fromLog = await SnapshotOfEveryKindAsync(storage, 20_000);
        var later = Enumerable.Range(0, 7).Select(i => Like($"later-{6 - i}", "zed")).ToList();
        await storage.AppendAsync(later, CancellationToken.None);

        var logged = await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);

        Assert.Equal(fromLog.Concat(later).Select(EventJson.Write), logged.Select(EventJson.Write));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_snapshot_that_no_longer_matches_the_log_is_passed_over_for_the_log(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        var fromLog = await SnapshotOfEveryKindAsync(storage, 20_000);
        var later = Enumerable.Range(0, 10).Select(i => Like($"later-{i}", "zed")).ToList();
        await storage.AppendAsync(later, CancellationToken.None);
        // As if five of the later events had been committed below the snapshot's position after it
        // was written, which PostgreSQL's positions allow: the log's count tells.
        await test.ExecuteBesideAsync("UPDATE account_snapshots SET through = through + 5");

        var logged = await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);

        Assert.Equal(fromLog.Concat(later).Select(EventJson.Write), logged.Select(EventJson.Write));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_damaged_snapshot_is_passed_over_for_the_log(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        var fromLog = await SnapshotOfEveryKindAsync(storage, 20_000);
        // One byte in the middle: most likely inside an instant or an id, where any value still reads.
        byte[] body;
        await using (var connection = await test.ConnectBesideAsync())
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT body FROM account_snapshots";
            body = (byte[])(await select.ExecuteScalarAsync())!;
        }
        body[body.Length / 2] ^= 0x10;
        await test.ExecuteBesideAsync("UPDATE account_snapshots SET body = @body", ("body", body));

        var logged = await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);

        Assert.Equal(fromLog.Select(EventJson.Write), logged.Select(EventJson.Write));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_snapshot_of_another_version_is_passed_over_for_the_log(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        await SnapshotOfEveryKindAsync(storage, 20_000);
        await test.ExecuteBesideAsync("UPDATE account_snapshots SET format = 99");
        // Only a read of the log meets this body.
        await test.ReplaceStoredBodyAsync("acme", "k100", K100WithoutItsInstant);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None));

        Assert.Contains("stored event \"k100\" no longer validates", error.Message);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task No_snapshot_is_saved_from_events_the_log_does_not_hold_all_of_or_with_too_few_new_ones(string store)
    {
        await using var test = await TestStore.CreateAsync(store);
        await using var storage = await test.OpenAsync();
        await AppendEveryKindAsync(storage, 20_001);
        var inMemory = InMemory(20_001); // lacking one, still enough to be worth a snapshot
        var later = Enumerable.Range(0, 10).Select(i => Like($"later-{i}", "zed")).ToList();

        var lackingOne = await storage.SaveSnapshotAsync("acme", inMemory[1..], CancellationToken.None);
        var whole = await storage.SaveSnapshotAsync("acme", inMemory, CancellationToken.None);
        await storage.AppendAsync(later, CancellationToken.None);
        var tenNewer = await storage.SaveSnapshotAsync("acme", [.. inMemory, .. later], CancellationToken.None);

        Assert.Equal((false, true, false), (lackingOne, whole, tenNewer));
    }

    // What an account grain holds of the events EveryKind makes: as ingest read them, in their canonical form.
    private static List<EngagementEvent> InMemory(int count) =>
        Enumerable.Range(0, count).Select(i => EventJson.Read(EventJson.Write(EveryKind(i)))).ToList();

    // The events EveryKind makes, stored, read back from the log, and saved as the account's snapshot.
    private static async Task<IReadOnlyList<EngagementEvent>> SnapshotOfEveryKindAsync(IStorage storage, int count)
    {
        await AppendEveryKindAsync(storage, count);
        var fromLog = await storage.ReadAccountAsync("acme", new NamePool(), CancellationToken.None);
        Assert.True(await storage.SaveSnapshotAsync("acme", fromLog, CancellationToken.None));
        return fromLog;
    }

    // Every type, and every field a type may carry, in the varieties a snapshot must keep apart.
    private static async Task AppendEveryKindAsync(IStorage storage, int count)
    {
        var events = Enumerable.Range(0, count).Select(EveryKind).ToList();
        foreach (var batch in events.Chunk(5_000)) await storage.AppendAsync(batch, CancellationToken.None);
    }

    // i % 16 picks the type; n, which of its type the event is, varies its fields.
    private static EngagementEvent EveryKind(int i)
    {
        var n = i / 16;
        var e = new EngagementEvent { Id = $"k{i}", Account = "acme", Type = EventType.Like, At = Like("", "").At.AddMinutes(i) };
        return (i % 16) switch
        {
            0 => e with { Type = EventType.Post, Platform = "x", Post = $"p{n % 50}", Campaign = n % 3 == 0 ? "spring 🌸" : null, Promotional = n % 2 == 0, ContentHash = $"h{n % 7}" },
            1 => e with { Type = EventType.Impression, Platform = "instagram", Post = $"p{n % 50}", Count = 1L + n * 1_000_003L },
            2 => e with { At = e.At.AddTicks(n % 10_000), Platform = "x", Actor = $"渡辺-{n % 300}", Post = $"p{n % 50}" },
            3 => e with { Type = n % 3 == 0 ? EventType.Unfollow : EventType.Follow, Platform = "tiktok", Actor = $"fan-{n % 300}" },
            4 => e with { Type = EventType.Comment, Platform = "x", Actor = $"fan-{n % 300}", Post = $"p{n % 50}", Sentiment = n % 8 == 4 ? -0.0 : (n % 21 - 10) / 10.0 },
            5 => e with { Type = EventType.Share, Platform = "x", Actor = $"fan-{n % 300}", Post = $"p{n % 50}" },
            6 => e with { Type = EventType.Click, Platform = "x", Actor = $"fan-{n % 300}", Post = $"p{n % 50}", Owned = n % 2 == 0 },
            7 => e with { Type = n % 2 == 0 ? EventType.Mention : EventType.Message, Platform = "x", Actor = $"fan-{n % 300}" },
            8 => e with { Type = EventType.Reply, Platform = "x", Ref = $"k{i - 4}", Automated = n % 3 == 0 },
            9 => e with { Type = EventType.Lead, Platform = "x", Actor = $"fan-{n % 300}" },
            10 => e with { Type = EventType.Purchase, Platform = "x", Actor = $"fan-{n % 300}", Amount = 12.5m + n, Currency = "USD" },
            11 => e with { Type = EventType.Purchase, Customer = $"c{n % 40}", Amount = 0.001m * n },
            12 => e with { Type = EventType.Refund, Ref = $"k{i - 2}", Amount = 1.1m },
            13 => e with { Type = EventType.Cost, Platform = "x", Campaign = "spring 🌸", Amount = 1000m + n, Category = CostCategoryNames.All[n % CostCategoryNames.All.Count] },
            14 => e with { Type = EventType.Cost, Amount = 99.99m, Category = CostCategory.Staff },
            _ => e with { Type = EventType.Identify, Platform = "x", Actor = $"fan-{n % 300}", Customer = $"c{n % 40}" },
        };
    }
}
