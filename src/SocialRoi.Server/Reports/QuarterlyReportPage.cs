using System.Text;
using SocialRoi.Domain.Reports;

namespace SocialRoi.Server.Reports;

/// <summary>SPEC §9: the quarterly executive pack as one self-contained HTML page.</summary>
public static class QuarterlyReportPage
{
    /// <summary>The section headings, in order (the browser test looks for each).</summary>
    public static readonly IReadOnlyList<string> Sections =
    [
        "Headline KPIs", "Cost by category", "Attributed revenue by platform", "Top 10 posts by attributed revenue",
        "The funnel", "Real versus vanity audience", "Health checks", "Goals", "Methodology",
    ];

    private static readonly Dictionary<string, string> KpiLabels = new(StringComparer.Ordinal)
    {
        ["cost"] = "Cost", ["attributedRevenue"] = "Attributed revenue", ["roi"] = "ROI", ["newCustomers"] = "New customers",
        ["cac"] = "Cost per new customer", ["realAudience"] = "Real audience", ["vanityShare"] = "Vanity share", ["responseRate"] = "Response rate",
    };

    public static string Render(QuarterlyReport report)
    {
        var currency = report.Methodology.Currency;
        string Format(string kpi, decimal? value) => kpi switch
        {
            "cost" or "attributedRevenue" or "cac" => Html.Money(value, currency),
            "roi" or "vanityShare" or "responseRate" => Html.Percent(value),
            _ => Html.Count(value),
        };
        string Money(decimal value) => Html.Money(value, currency);

        var name = report.DisplayName ?? report.Account;
        var body = new StringBuilder();
        body.Append($"<h1>{Html.Escape(name)} — social media ROI, {report.Quarter}</h1>");
        body.Append($"<p class=\"sub\">Quarterly executive pack for account <b>{Html.Escape(report.Account)}</b>, {report.From:yyyy-MM-dd} to {report.To.AddDays(-1):yyyy-MM-dd} (UTC), compared with {report.PreviousQuarter}.</p>");

        Section(body, 0, KpiGrid(report, Format));
        Section(body, 1, BarChart.Render("Cost by category", CostBars(report), Money));
        Section(body, 2, BarChart.Render("Attributed revenue by platform",
            report.AttributedRevenueByPlatform.Select(p => (p.Platform, p.AttributedRevenue)).ToList(), Money));
        Section(body, 3, TopPosts(report, Money));
        Section(body, 4, Funnel(report, Money));
        Section(body, 5, Audience(report));
        Section(body, 6, Health(report));
        Section(body, 7, Goals(report));
        Section(body, 8, Methodology(report));
        return Html.Page($"{name} — {report.Quarter}", body.ToString());
    }

    private static void Section(StringBuilder body, int heading, string content) =>
        body.Append($"<section><h2>{Sections[heading]}</h2>{content}</section>");

    private static string KpiGrid(QuarterlyReport report, Func<string, decimal?, string> format)
    {
        var grid = new StringBuilder("<div class=\"kpis\">");
        foreach (var kpi in report.Kpis)
        {
            var change = kpi.Change is { } delta
                ? $"{(delta >= 0 ? "+" : "−")}{Difference(kpi.Name, Math.Abs(delta), format)} vs {report.PreviousQuarter}"
                : $"no comparison with {report.PreviousQuarter}";
            grid.Append($"<div class=\"kpi\" data-kpi=\"{kpi.Name}\" data-value=\"{Html.Raw(kpi.Current)}\" data-previous=\"{Html.Raw(kpi.Previous)}\">")
                .Append($"<div class=\"label\">{KpiLabels[kpi.Name]}</div><div class=\"value\">{format(kpi.Name, kpi.Current)}</div>")
                .Append($"<div class=\"change\">{change}</div></div>");
        }
        return grid.Append("</div>").ToString();
    }

    // A change of a share is in percentage points, not per cent of itself.
    private static string Difference(string kpi, decimal delta, Func<string, decimal?, string> format) =>
        kpi is "roi" or "vanityShare" or "responseRate" ? Html.Count(delta * 100) + " pts" : format(kpi, delta);

    private static List<(string, decimal)> CostBars(QuarterlyReport report)
    {
        var c = report.CostByCategory;
        return [("ads", c.Ads), ("staff", c.Staff), ("tools", c.Tools), ("agency", c.Agency), ("content", c.Content), ("other", c.Other)];
    }

    private static string TopPosts(QuarterlyReport report, Func<decimal, string> money)
    {
        if (report.TopPosts.Count == 0) return "<p class=\"sub\">No post earned attributed revenue this quarter.</p>";
        var table = new StringBuilder("<table><tr><th>post</th><th class=\"n\">engagements</th><th class=\"n\">conversations</th><th class=\"n\">conversions</th><th class=\"n\">attributed revenue</th></tr>");
        foreach (var post in report.TopPosts)
            table.Append($"<tr><td>{Html.Escape(post.Key)}</td><td class=\"n\">{post.Engagements:N0}</td><td class=\"n\">{post.Conversations:N0}</td>")
                .Append($"<td class=\"n\">{Html.Count(post.AttributedConversions)}</td><td class=\"n\">{money(post.AttributedRevenue)}</td></tr>");
        return table.Append("</table>").ToString();
    }

    private static string Funnel(QuarterlyReport report, Func<decimal, string> money)
    {
        var rows = report.Funnel;
        var stages = new List<(string, decimal)>
        {
            ("posts", rows.Sum(r => r.Posts)), ("engagements", rows.Sum(r => r.Engagements)),
            ("conversations", rows.Sum(r => r.Conversations)), ("leads (attributed)", rows.Sum(r => r.AttributedLeads)),
            ("conversions (attributed)", rows.Sum(r => r.AttributedConversions)),
        };
        var table = new StringBuilder("<table><tr><th>platform</th><th class=\"n\">posts</th><th class=\"n\">impressions</th><th class=\"n\">engagements</th><th class=\"n\">conversations</th><th class=\"n\">conversions</th><th class=\"n\">revenue</th><th class=\"n\">ROI</th></tr>");
        foreach (var row in rows)
            table.Append($"<tr><td>{Html.Escape(row.Key)}</td><td class=\"n\">{row.Posts:N0}</td><td class=\"n\">{row.Impressions:N0}</td><td class=\"n\">{row.Engagements:N0}</td>")
                .Append($"<td class=\"n\">{row.Conversations:N0}</td><td class=\"n\">{Html.Count(row.AttributedConversions)}</td><td class=\"n\">{money(row.AttributedRevenue)}</td><td class=\"n\">{Html.Percent(row.Roi)}</td></tr>");
        // Impressions are in the table: on the chart they would dwarf every stage that matters.
        return BarChart.Render("The funnel", stages, v => Html.Count(v)) + table.Append("</table>");
    }

    private static string Audience(QuarterlyReport report)
    {
        var a = report.Audience;
        var real = a.Conversational + a.Lead + a.Customer;
        var tiers = new List<(string, decimal)>
        {
            ("customers", a.Customer), ("leads", a.Lead), ("conversational", a.Conversational), ("engaged", a.Engaged), ("vanity only", a.Vanity),
        };
        return $"<p>{real:N0} of {a.Total:N0} people active this quarter are a real audience (they talked with you, became leads or bought); {a.Vanity:N0} only liked or followed.</p>"
            + BarChart.Render("Real versus vanity audience", tiers, v => Html.Count(v));
    }

    private static string Health(QuarterlyReport report)
    {
        var table = new StringBuilder($"<p class=\"sub\">As of {report.HealthAsOf:yyyy-MM-dd HH:mm} UTC, over the 90 days before.</p><table><tr><th>check</th><th>status</th><th class=\"n\">value</th><th>what it means</th></tr>");
        foreach (var check in report.Health.OrderBy(c => HealthOrder.Severity(c.Status)))
            table.Append($"<tr><td>{check.Id}</td><td class=\"{check.Status}\">{check.Status}</td><td class=\"n\">{Html.Count((decimal?)check.Value)}</td><td>{Html.Escape(check.Message)}</td></tr>");
        return table.Append("</table>").ToString();
    }

    private static string Goals(QuarterlyReport report)
    {
        if (report.Goals.Count == 0) return "<p class=\"fail\">No goals are set. Set one or two measurable goals for next quarter.</p>";
        var table = new StringBuilder("<table><tr><th>goal</th><th>figure</th><th class=\"n\">target</th><th class=\"n\">current</th><th>range</th><th>met</th></tr>");
        foreach (var goal in report.Goals)
            table.Append($"<tr><td>{Html.Escape(goal.Id)}</td><td>{Html.Escape(goal.Metric)}</td><td class=\"n\">{Html.Escape(goal.Op)} {Html.Count(goal.Target)}</td>")
                .Append($"<td class=\"n\">{Html.Count((decimal?)goal.Current)}</td><td>{goal.From:yyyy-MM-dd} – {goal.To:yyyy-MM-dd}</td>")
                .Append($"<td class=\"{(goal.Met ? "ok" : "fail")}\">{(goal.Met ? "met" : "not met")}</td></tr>");
        return table.Append("</table>").ToString();
    }

    private static string Methodology(QuarterlyReport report)
    {
        var m = report.Methodology;
        return $"""
            <div class="box"><dl>
            <dt>Attribution model</dt><dd>{m.Model}: each purchase or lead credits the post its member touched last</dd>
            <dt>Lookback</dt><dd>{m.LookbackDays} days before each conversion</dd>
            <dt>Margin</dt><dd>{Html.Percent(m.Margin)} of revenue is profit (ROI = (attributed revenue × margin − cost) / cost)</dd>
            <dt>Currency</dt><dd>{Html.Escape(m.Currency)}</dd>
            <dt>Cost basis</dt><dd>{Html.Escape(m.CostBasis)}</dd>
            </dl></div>
            """;
    }
}
