using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Analytics;

/// <summary>SPEC §7: one account's figures over a range. Properties are in the contract's field order.</summary>
public sealed record AccountSummary
{
    public required string Account { get; init; }
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public required string Currency { get; init; }
    public int Posts { get; init; }
    public long Impressions { get; init; }
    public int Likes { get; init; }
    public int Follows { get; init; }
    public int Unfollows { get; init; }
    public int Followers { get; init; }
    public int Comments { get; init; }
    public int Shares { get; init; }
    public int Mentions { get; init; }
    public int Messages { get; init; }
    public int Clicks { get; init; }
    public int Replies { get; init; }
    public int Leads { get; init; }
    public int Purchases { get; init; }
    public decimal Revenue { get; init; }
    public decimal AttributedRevenue { get; init; }
    public decimal DirectRevenue { get; init; }
    public decimal Cost { get; init; }
    public decimal? Roi { get; init; }
    public int NewCustomers { get; init; }
    public decimal? Cac { get; init; }
    public required AudienceCounts Audience { get; init; }
    public double? VanityShare { get; init; }
    public double? ResponseRate { get; init; }
    public double? MedianResponseMinutes { get; init; }
    public double? P90ResponseMinutes { get; init; }
    public int Conversations { get; init; }
    public double? AutomatedShare { get; init; }
    public double? PromotionalShare { get; init; }

    public static AccountSummary Compute(
        string account, AccountHistory history, AccountSettings settings, TimeRange range, AttributionModel model)
    {
        var index = history.Index;
        int Count(EventType type) => index.CountInRange(range, type);
        var impressions = index.ImpressionsIn(range);
        var promotional = index.InRange(range, EventType.Post).Count(e => e.Promotional == true);

        var audience = AudienceTiers.Count(index, range);
        var responses = ResponseTimes.Measure(index, range);
        var money = MoneyFigures.Measure(index, new Attribution(index, settings, model), settings, range);
        var posts = Count(EventType.Post);
        return new AccountSummary
        {
            Account = account, From = range.From, To = range.To, Currency = settings.Currency,
            Posts = posts, Impressions = impressions, Likes = Count(EventType.Like),
            Follows = Count(EventType.Follow), Unfollows = Count(EventType.Unfollow),
            Followers = AudienceTiers.Followers(index, range.To),
            Comments = Count(EventType.Comment), Shares = Count(EventType.Share), Mentions = Count(EventType.Mention),
            Messages = Count(EventType.Message), Clicks = Count(EventType.Click), Replies = Count(EventType.Reply),
            Leads = Count(EventType.Lead), Purchases = Count(EventType.Purchase),
            Revenue = money.Revenue, AttributedRevenue = money.AttributedRevenue, DirectRevenue = money.DirectRevenue,
            Cost = money.Cost, Roi = money.Roi, NewCustomers = money.NewCustomers, Cac = money.Cac,
            Audience = audience,
            VanityShare = audience.VanityShare(),
            ResponseRate = responses.ResponseRate,
            MedianResponseMinutes = responses.MedianResponseMinutes,
            P90ResponseMinutes = responses.P90ResponseMinutes,
            Conversations = responses.Conversations,
            AutomatedShare = responses.AutomatedShare,
            PromotionalShare = posts == 0 ? null : (double)promotional / posts,
        };
    }
}
