namespace SocialRoi.Domain.Events;

/// <summary>SPEC §1: what a cost paid for. Staff and content are the costs teams forget.</summary>
public enum CostCategory { Ads, Staff, Tools, Agency, Content, Other }

public static class CostCategoryNames
{
    public static IReadOnlyList<CostCategory> All { get; } = Enum.GetValues<CostCategory>();

    public static string Wire(this CostCategory category) => WireNames<CostCategory>.Of(category);

    public static bool TryParse(ReadOnlySpan<char> name, out CostCategory category) => WireNames<CostCategory>.TryParse(name, out category);
}
