using System.Globalization;
using SocialRoi.Domain.Analytics;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Time;

namespace SocialRoi.Server.Apis;

/// <summary>Query parameters of the read endpoints; a bad one throws, naming itself and what it takes.</summary>
public static class QueryParameters
{
    /// <summary>SPEC §3: from and to are RFC 3339 or dates; defaults are to = now, from = to − 90 days.</summary>
    public static TimeRange Range(string? from, string? to, DateTimeOffset now)
    {
        var end = to is null ? now : Bound("to", to);
        var start = from is null ? CalendarEdges.Before(end, TimeRange.DefaultLength) : Bound("from", from);
        if (start >= end)
            throw new QueryParameterException("from", from ?? Timestamps.Format(start),
                $"from must be earlier than to ({Timestamps.Format(end)})");
        return new TimeRange(start, end);
    }

    /// <summary>SPEC §8: the instant health is judged at; default now.</summary>
    public static DateTimeOffset AsOf(string? asOf, DateTimeOffset now) => asOf is null ? now : Bound("asOf", asOf);

    /// <summary>SPEC §9: a quarter such as 2026Q3; default the quarter running now (UTC).</summary>
    public static Quarter Quarter(string? quarter, DateTimeOffset now)
    {
        if (quarter is null) return Domain.Time.Quarter.Containing(now);
        return Domain.Time.Quarter.TryParse(quarter, out var parsed)
            ? parsed
            : throw new QueryParameterException("quarter", quarter, "quarter must be a year and quarter number like 2026Q3");
    }

    private static DateTimeOffset Bound(string name, string text) =>
        Timestamps.TryParseQueryInstant(text, out var instant)
            ? instant
            : throw new QueryParameterException(name, text,
                $"{name} must be an RFC 3339 timestamp with offset (2026-07-01T09:30:00Z) or a date (2026-07-01)");

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
            : throw new QueryParameterException("tier", tier, $"tier must be one of {string.Join(", ", AudienceTierNames.All)}");
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
