using System.Globalization;
using System.Text;

namespace SocialRoi.Server.Reports;

/// <summary>An inline SVG chart of horizontal bars, one per labelled figure, scaled to the largest.</summary>
public static class BarChart
{
    private const int Width = 640, Row = 24, LabelWidth = 170, BarStart = 178, BarWidth = 340;

    public static string Render(string title, IReadOnlyList<(string Label, decimal Value)> bars, Func<decimal, string> format)
    {
        if (bars.Count == 0) return "<p class=\"sub\">Nothing to chart for this quarter.</p>";
        var largest = bars.Max(b => Math.Abs(b.Value));
        var svg = new StringBuilder();
        var height = bars.Count * Row + 4;
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Html.Escape(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = i * Row + 4;
            var length = largest == 0 ? 0 : (double)(Math.Abs(value) / largest) * BarWidth;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth}\" y=\"{y + 14}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d2433\">{Html.Escape(Shorten(label))}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{BarStart}\" y=\"{y + 2}\" width=\"{length:0.#}\" height=\"16\" rx=\"2\" fill=\"{(value < 0 ? "#d92d20" : "#2e90fa")}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{BarStart + length + 6:0.#}\" y=\"{y + 14}\" font-size=\"12\" fill=\"#5b6475\">{format(value)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string label) => label.Length <= 26 ? label : label[..25] + "…";
}
