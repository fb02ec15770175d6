using System.Text;
using SocialRoi.Domain.Reports;
using SocialRoi.Domain.Time;

namespace SocialRoi.Server.Reports;

/// <summary>GET /: every account with this quarter's headline KPIs and its worst health checks, linking to the details.</summary>
public static class FrontPage
{
    private const int WorstShown = 3;

    public static string Render(IReadOnlyList<QuarterlyReport> reports, Quarter quarter)
    {
        var body = new StringBuilder($"<h1>SocialRoi</h1><p class=\"sub\">Which social media activity brings real customers and revenue, what it cost, and which mistakes to fix — {quarter} so far.</p>");
        if (reports.Count == 0)
            body.Append("<p>No accounts yet. Send events to <code>POST /api/v1/events</code>, or run <code>socialroi demo</code>.</p>");
        foreach (var report in reports)
        {
            var account = Uri.EscapeDataString(report.Account);
            var currency = report.Methodology.Currency;
            string Kpi(string name) => report.Kpis.Single(k => k.Name == name).Current is var v ? name switch
            {
                "cost" or "attributedRevenue" or "cac" => Html.Money(v, currency),
                "roi" or "vanityShare" or "responseRate" => Html.Percent(v),
                _ => Html.Count(v),
            } : "";
            var worst = report.Health.Where(c => c.Status is "fail" or "warn").OrderBy(c => HealthOrder.Severity(c.Status)).Take(WorstShown).ToList();
            body.Append($"<section><h2>{Html.Escape(report.DisplayName ?? report.Account)}</h2>")
                .Append("<table><tr><th class=\"n\">cost</th><th class=\"n\">attributed revenue</th><th class=\"n\">ROI</th><th class=\"n\">new customers</th><th class=\"n\">real audience</th><th class=\"n\">vanity share</th><th class=\"n\">response rate</th></tr>")
                .Append($"<tr><td class=\"n\">{Kpi("cost")}</td><td class=\"n\">{Kpi("attributedRevenue")}</td><td class=\"n\">{Kpi("roi")}</td><td class=\"n\">{Kpi("newCustomers")}</td>")
                .Append($"<td class=\"n\">{Kpi("realAudience")}</td><td class=\"n\">{Kpi("vanityShare")}</td><td class=\"n\">{Kpi("responseRate")}</td></tr></table>");
            body.Append(worst.Count == 0
                ? "<p class=\"ok\">No health check warns or fails.</p>"
                : "<ul>" + string.Concat(worst.Select(c => $"<li><span class=\"{c.Status}\">{c.Status}</span> {c.Id}: {Html.Escape(c.Message)}</li>")) + "</ul>");
            body.Append($"<p><a href=\"/api/v1/reports/quarterly?account={account}&amp;quarter={quarter}\">Quarterly pack</a> · ")
                .Append($"<a href=\"/api/v1/accounts/{account}/health\">Health checks</a> · ")
                .Append($"<a href=\"/api/v1/accounts/{account}/summary?from={quarter.Start:yyyy-MM-dd}&amp;to={quarter.End:yyyy-MM-dd}\">Figures (JSON)</a> · ")
                .Append($"<a href=\"/api/v1/accounts/{account}/funnel?from={quarter.Start:yyyy-MM-dd}&amp;to={quarter.End:yyyy-MM-dd}&amp;by=post&amp;format=csv\">Funnel by post (CSV)</a></p></section>");
        }
        body.Append("<p class=\"sub\"><a href=\"/openapi/v1.json\">API (OpenAPI)</a> · <a href=\"/dashboard/\">Orleans Dashboard</a></p>");
        return Html.Page("SocialRoi", body.ToString());
    }
}
