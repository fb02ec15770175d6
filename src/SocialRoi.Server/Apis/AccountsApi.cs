using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Accounts;
using SocialRoi.Grains.Hosting;
using SocialRoi.Storage;

namespace SocialRoi.Server.Apis;

/// <summary>An account as listed by GET /api/v1/accounts: its settings and how many events it has.</summary>
public sealed record AccountListing(
    string Account, string? DisplayName, string Currency, int LookbackDays, double HalfLifeDays, decimal Margin, long Events);

/// <summary>SPEC §7: the account endpoints.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts", ListAccounts)
            .WithSummary("Accounts with their settings and event counts")
            .Produces<AccountListing[]>();
        api.MapGet("/accounts/{account}/summary", GetSummary)
            .WithSummary("One account's figures over [from, to): counts, revenue, ROI, audience tiers, responses")
            .Produces<AccountSummary>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAccounts(GrainHost<AccountGrain> grains, IStorage storage, CancellationToken cancellationToken)
    {
        var counted = await storage.CountEventsByAccountAsync(cancellationToken);
        var configured = await storage.ListGrainIdsAsync(AccountGrain.GrainType, cancellationToken);
        var listings = new List<AccountListing>();
        foreach (var account in counted.Keys.Union(configured).Order(StringComparer.Ordinal))
        {
            if (await grains.GetAccountGrain(account).GetOverviewAsync() is not { } overview) continue;
            var s = overview.Settings;
            listings.Add(new AccountListing(account, s.DisplayName, s.Currency, s.LookbackDays, s.HalfLifeDays, s.Margin, overview.Events));
        }
        return Results.Ok(listings);
    }

    private static async Task<IResult> GetSummary(
        string account, string? from, string? to, string? model, GrainHost<AccountGrain> grains, TimeProvider time)
    {
        var range = TimeRange.Resolve(from, to, time.GetUtcNow());
        var attribution = QueryParameters.Model(model);
        var summary = await grains.GetAccountGrain(account).GetSummaryAsync(range, attribution);
        return summary is null ? Hosting.Problems.UnknownAccount(account) : Results.Ok(summary);
    }
}
