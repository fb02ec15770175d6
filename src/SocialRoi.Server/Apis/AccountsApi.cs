using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Server.Hosting;
using SocialRoi.Server.Security;
using SocialRoi.Storage;

namespace SocialRoi.Server.Apis;

/// <summary>An account as listed by GET /api/v1/accounts: its settings and how many events it has.</summary>
public sealed record AccountListing(
    string Account, string? DisplayName, string Currency, int LookbackDays, double HalfLifeDays, decimal Margin, long Events);

/// <summary>SPEC §6–§7: listing accounts, their settings, and the summary.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts", ListAccounts)
            .WithSummary("Accounts with their settings and event counts")
            .Produces<AccountListing[]>();
        api.MapPut("/accounts/{account}", UpdateSettings)
            .RequireScope(Scopes.Admin)
            .WithSummary("Change an account's settings; fields left out keep their value")
            .Accepts<SettingsBody>("application/json")
            .Produces<AccountListing>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/accounts/{account}/summary", GetSummary)
            .WithSummary("One account's figures over [from, to): counts, revenue, ROI, audience tiers, responses")
            .Produces<AccountSummary>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    // From the accounts catalog and the event log: listing never activates the accounts' grains.
    private static async Task<IResult> ListAccounts(HttpContext http, IAccountCatalog catalog, CancellationToken cancellationToken)
    {
        var accounts = await catalog.ListAccountsAsync(cancellationToken);
        var caller = http.Caller(); // a key sees only its own accounts
        return ApiResults.Rows(http, accounts.Where(a => caller.Allows(a.Account)).Select(a => Listing(a.Settings, a.Account, a.Events)).ToList());
    }

    private static async Task<IResult> UpdateSettings(
        string account, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!EventReader.IsAccountName(account))
            return Problems.BadRequest($"account must be a lower-case name matching ^[a-z0-9][a-z0-9._-]{{0,63}}$, got \"{account}\"", "account");
        var change = SettingsReader.Read(await RequestBody.ReadAsync(request, cancellationToken));
        var grain = grains.GetGrain<IAccountGrain>(account);
        var outcome = await grain.UpdateSettingsAsync(change);
        if (outcome.Conflict is { } conflict)
            return Results.Problem(detail: conflict, statusCode: StatusCodes.Status409Conflict, title: "Currency is fixed");
        var overview = await grain.GetOverviewAsync();
        return Results.Ok(Listing(outcome.Settings, account, overview!.Events));
    }

    private static async Task<IResult> GetSummary(
        HttpContext http, string account, string? from, string? to, string? model, IGrainFactory grains, TimeProvider time)
    {
        var range = QueryParameters.Range(from, to, time.GetUtcNow());
        var summary = await grains.GetGrain<IAccountGrain>(account).GetSummaryAsync(range, QueryParameters.Model(model));
        return summary is null ? Problems.UnknownAccount(account) : ApiResults.Row(http, summary);
    }

    private static AccountListing Listing(AccountSettings s, string account, long events) =>
        new(account, s.DisplayName, s.Currency, s.LookbackDays, s.HalfLifeDays, s.Margin, events);
}

/// <summary>The body of PUT /accounts/{account}, for the OpenAPI document; every field is optional.</summary>
public sealed record SettingsBody(string? DisplayName, string? Currency, int? LookbackDays, double? HalfLifeDays, decimal? Margin);
