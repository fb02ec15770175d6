namespace SocialRoi.Domain.Analytics;

/// <summary>SPEC §4: how a conversion's credit is split across the touches before it.</summary>
public enum AttributionModel { LastTouch, FirstTouch, Linear, TimeDecay, PositionBased }

public static class AttributionModelNames
{
    public static IEnumerable<string> All => WireNames<AttributionModel>.All;

    public static string Wire(this AttributionModel model) => WireNames<AttributionModel>.Of(model);

    public static bool TryParse(string name, out AttributionModel model) => WireNames<AttributionModel>.TryParse(name, out model);
}
