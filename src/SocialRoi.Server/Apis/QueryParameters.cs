using System.Globalization;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Time;

namespace SocialRoi.Server.Apis;

/// <summary>Query parameters of the read endpoints; a bad one throws, naming itself and what it takes.</summary>
public static class QueryParameters
{
    public static AttributionModel Model(string? model)
    {
        if (model is null) return AttributionModel.LastTouch;
        return AttributionModelNames.TryParse(model, out var parsed)
            ? parsed
            : throw new QueryParameterException("model", model, $"model must be one of {string.Join(", ", AttributionModelNames.All)}");
    }

    public static FunnelDimension By(string? by) => by switch
    {
        null or "platform" => FunnelDimension.Platform,
        "post" => FunnelDimension.Post,
        "campaign" => FunnelDimension.Campaign,
        _ => throw new QueryParameterException("by", by, "by must be platform, post or campaign"),
    };

    public static RoiInterval Interval(string? interval) => interval switch
    {
        null or "quarter" => RoiInterval.Quarter,
        "month" => RoiInterval.Month,
        _ => throw new QueryParameterException("interval", interval, "interval must be quarter or month"),
    };

    public static AudienceTier? Tier(string? tier)
    {
        if (tier is null) return null;
        return AudienceTierNames.TryParse(tier, out var parsed)
            ? parsed
            : throw new QueryParameterException("tier", tier, "tier must be vanity, engaged, conversational, lead or customer");
    }

    public static int Limit(string? limit)
    {
        if (limit is null) return AudienceQuery.DefaultLimit;
        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= AudienceQuery.MaxLimit
            ? parsed
            : throw new QueryParameterException("limit", limit, $"limit must be a whole number from 1 to {AudienceQuery.MaxLimit}");
    }

    public static Member? After(string? after)
    {
        if (after is null) return null;
        return AudienceList.ParseCursor(after)
            ?? throw new QueryParameterException("after", after, "after must be the next cursor of a previous page (platform:actor)");
    }
}
