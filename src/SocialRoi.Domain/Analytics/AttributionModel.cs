namespace SocialRoi.Domain.Analytics;

/// <summary>SPEC §4: how a conversion's credit is split across the touches before it.</summary>
public enum AttributionModel { LastTouch, FirstTouch, Linear, TimeDecay, PositionBased }

public static class AttributionModelNames
{
    private static readonly Dictionary<string, AttributionModel> ByWireName = new(StringComparer.Ordinal)
    {
        ["last_touch"] = AttributionModel.LastTouch,
        ["first_touch"] = AttributionModel.FirstTouch,
        ["linear"] = AttributionModel.Linear,
        ["time_decay"] = AttributionModel.TimeDecay,
        ["position_based"] = AttributionModel.PositionBased,
    };

    public static IEnumerable<string> All => ByWireName.Keys;

    public static string Wire(this AttributionModel model) => ByWireName.First(pair => pair.Value == model).Key;

    public static bool TryParse(string name, out AttributionModel model) => ByWireName.TryGetValue(name, out model);
}
