using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Time;

namespace SocialRoi.Server.Apis;

/// <summary>Query parameters shared by the read endpoints; a bad one throws naming itself.</summary>
public static class QueryParameters
{
    public static AttributionModel Model(string? model)
    {
        if (model is null) return AttributionModel.LastTouch;
        return AttributionModelNames.TryParse(model, out var parsed)
            ? parsed
            : throw new QueryParameterException("model", model, $"model must be one of {string.Join(", ", AttributionModelNames.All)}");
    }
}
