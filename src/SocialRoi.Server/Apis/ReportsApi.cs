using SocialRoi.Domain.Reports;
using SocialRoi.Domain.Time;
using SocialRoi.Grains.Interfaces;
using SocialRoi.Server.Hosting;
using SocialRoi.Server.Reports;
using SocialRoi.Server.Security;
using SocialRoi.Storage;

namespace SocialRoi.Server.Apis;

/// <summary>SPEC §9: the quarterly executive pack (HTML, JSON, CSV), and the front page that leads to it.</summary>
public static class ReportsApi
{
    public const string HtmlType = "text/html; charset=utf-8";

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/quarterly", GetQuarterly)
            .WithSummary("The quarterly executive pack: headline KPIs versus the previous quarter, costs, revenue by platform, top posts, funnel, health, goals, methodology")
            .Produces<QuarterlyReport>()
            .Produces<string>(StatusCodes.Status200OK, "text/html", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static WebApplication MapFrontPage(this WebApplication app)
    {
        app.MapGet("/", GetFrontPage).WithSummary("A front page: every account with this quarter's headline KPIs and worst health checks").Produces<string>(StatusCodes.Status200OK, "text/html");
        return app;
    }

    private static async Task<IResult> GetQuarterly(
        HttpContext http, string? account, string? quarter, string? format, IGrainFactory grains, TimeProvider time)
    {
        if (string.IsNullOrEmpty(account))
            throw new QueryParameterException("account", account ?? "", "account is required: the account whose quarterly pack to make");
        var now = time.GetUtcNow();
        var period = QueryParameters.Quarter(quarter, now);
        var report = await grains.GetGrain<IAccountGrain>(account).GetQuarterlyReportAsync(period, now);
        if (report is null) return Problems.UnknownAccount(account);
        var (body, contentType) = ReportFile.Render(report, format, ApiResults.Options(http));
        return Results.Content(body, contentType);
    }

    private static async Task<IResult> GetFrontPage(HttpContext http, IAccountCatalog catalog, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        var now = time.GetUtcNow();
        var quarter = Quarter.Containing(now);
        // Every account asked at once, so that accounts coming back after a restart read their events
        // and build their indexes side by side, on every core, instead of one after another.
        var asked = (await catalog.ListAccountsAsync(cancellationToken)).Where(a => caller.Allows(a.Account))
            .Select(a => grains.GetGrain<IAccountGrain>(a.Account).GetQuarterlyReportAsync(quarter, now));
        var reports = (await Task.WhenAll(asked)).OfType<QuarterlyReport>().ToList();
        return Results.Content(FrontPage.Render(reports, quarter), HtmlType);
    }
}
