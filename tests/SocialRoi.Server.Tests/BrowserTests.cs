using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialRoi.Server.Reports;
using SocialRoi.Testing;

namespace SocialRoi.Server.Tests;

/// <summary>SPEC §9 in a real browser: the demo's quarterly pack prints to PDF, the front page renders.</summary>
public class BrowserTests
{
    [ChromiumFact]
    public async Task The_demo_pack_prints_to_a_few_pages_and_the_front_page_renders_with_every_section_and_kpi()
    {
        await using var data = await TestStore.CreateAsync(TestStore.Sqlite);
        using var http = new HttpClient();
        using var demo = await SocialRoiProcess.StartDemoAsync(data.Uri, http, within: TimeSpan.FromMinutes(1));

        var pack = new Uri(demo.Address, "/api/v1/reports/quarterly?account=northwind-coffee&quarter=2026Q3");
        var html = await http.GetStringAsync(pack);
        var json = JsonNode.Parse(await http.GetStringAsync(pack + "&format=json"))!;
        foreach (var heading in QuarterlyReportPage.Sections) Assert.Contains($"<h2>{WebUtility.HtmlEncode(heading)}</h2>", html);
        foreach (var kpi in json["kpis"]!.AsArray())
            Assert.Contains($"data-kpi=\"{kpi!["name"]}\" data-value=\"{kpi["current"]?.ToJsonString()}\"", html);
        Assert.Contains("Northwind Coffee Roasters", html);

        var output = Directory.CreateTempSubdirectory("socialroi-browser-").FullName;
        try
        {
            var pdf = Path.Combine(output, "pack.pdf");
            await Chromium.PrintToPdfAsync(pack, pdf);
            var pages = Regex.Matches(await File.ReadAllTextAsync(pdf, System.Text.Encoding.Latin1), @"/Type\s*/Page(?!s)").Count;
            Assert.InRange(pages, 2, 8);

            var png = Path.Combine(output, "front.png");
            await Chromium.ScreenshotAsync(demo.Address, png);
            var bytes = await File.ReadAllBytesAsync(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.True(bytes.Length > 20_000, $"the front page screenshot is suspiciously small ({bytes.Length} bytes)");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
