using System.Text.Json.Nodes;

using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>SPEC §1: every figure is a function of the set of events, whatever the order or repetition.</summary>
public class OrderIndependenceTests
{
    private static readonly string[] Models = ["last_touch", "first_touch", "linear", "time_decay", "position_based"];

    private static async Task<List<string>> EveryView(RunningServer server)
    {
        const string range = "from=2026-07-01&to=2026-08-20";
        var answers = new List<string>();
        foreach (var model in Models)
        {
            answers.Add(await server.GetStringAsync($"/api/v1/accounts/acme/summary?{range}&model={model}"));
            foreach (var by in new[] { "platform", "post", "campaign" })
                answers.Add(await server.GetStringAsync($"/api/v1/accounts/acme/funnel?{range}&by={by}&model={model}"));
            foreach (var interval in new[] { "quarter", "month" })
                answers.Add(await server.GetStringAsync($"/api/v1/accounts/acme/roi?{range}&interval={interval}&model={model}"));
        }
        return answers;
    }

    public static IEnumerable<object[]> SeedsAndStores() =>
        new[] { 7, 2026 }.SelectMany(seed => TestStore.Kinds.Select(kind => new object[] { seed, kind[0] }));

    [Theory]
    [MemberData(nameof(SeedsAndStores))]
    public async Task Random_event_sets_in_any_order_with_duplicates_give_identical_json(int seed, string store)
    {
        var history = RandomHistory.Make(seed, 400);
        List<string>? expected = null;
        foreach (var order in new[] { 1, 2, 3 })
        {
            var random = new Random(seed * 10 + order);
            var arrival = history.Concat(history.Where(_ => random.Next(4) == 0)).OrderBy(_ => random.Next()).ToList();
            await using var server = await RunningServer.StartAsync(store);
            foreach (var batch in arrival.Chunk(random.Next(20, 90))) await server.PostEventsAsync(batch);

            var views = await EveryView(server);
            if (expected is null) expected = views;
            else for (var i = 0; i < views.Count; i++) Assert.Equal(expected[i], views[i]);
        }
        // The history is rich enough to matter: money moved and posts were credited.
        var linearFunnel = JsonNode.Parse(expected![Models.ToList().IndexOf("linear") * 6 + 2])!.AsArray();
        Assert.Contains(linearFunnel, row => (decimal)row!["attributedRevenue"]! != 0);
    }
}
