using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Server.Hosting;

namespace SocialRoi.Server.Apis;

/// <summary>SPEC §7: funnel, ROI by period, and the audience list.</summary>
public static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{account}/funnel", GetFunnel)
            .WithSummary("Posts → impressions → engagements → conversations → attributed leads, conversions and revenue, by platform, post or campaign")
            .Produces<FunnelRow[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/accounts/{account}/roi", GetRoi)
            .WithSummary("Cost, revenue, ROI and acquisition cost per quarter or month")
            .Produces<RoiRow[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/accounts/{account}/audience", GetAudience)
            .WithSummary("Audience members active in [from, to) with their tier as of to, paged by the next cursor")
            .Produces<AudiencePageBody>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetFunnel(
        HttpContext http, string account, string? from, string? to, string? by, string? model, IGrainFactory grains, TimeProvider time)
    {
        var range = QueryParameters.Range(from, to, time.GetUtcNow());
        var rows = await grains.GetGrain<IAccountGrain>(account).GetFunnelAsync(range, QueryParameters.By(by), QueryParameters.Model(model));
        return rows is null ? Problems.UnknownAccount(account) : ApiResults.Rows(http, rows);
    }

    private static async Task<IResult> GetRoi(
        HttpContext http, string account, string? from, string? to, string? interval, string? model, IGrainFactory grains, TimeProvider time)
    {
        var range = QueryParameters.Range(from, to, time.GetUtcNow());
        var rows = await grains.GetGrain<IAccountGrain>(account).GetRoiAsync(range, QueryParameters.Interval(interval), QueryParameters.Model(model));
        return rows is null ? Problems.UnknownAccount(account) : ApiResults.Rows(http, rows);
    }

    private static async Task<IResult> GetAudience(
        HttpContext http, string account, string? from, string? to, string? tier, string? platform, string? limit, string? after,
        IGrainFactory grains, TimeProvider time)
    {
        var query = new AudienceQuery(QueryParameters.Range(from, to, time.GetUtcNow()),
            QueryParameters.Tier(tier), platform, QueryParameters.Limit(limit), QueryParameters.After(after));
        var page = await grains.GetGrain<IAccountGrain>(account).GetAudienceAsync(query);
        return page is null ? Problems.UnknownAccount(account) : ApiResults.Page(http, page.Items, page.Next);
    }
}

/// <summary>The JSON shape of an audience page, for the OpenAPI document.</summary>
public sealed record AudiencePageBody(IReadOnlyList<AudienceMember> Items, string? Next);
