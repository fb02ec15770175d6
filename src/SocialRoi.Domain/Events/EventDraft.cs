namespace SocialRoi.Domain.Events;

/// <summary>
/// An event's fields as read, before its type's defaults are applied: both readers (the validating
/// one for submissions, the canonical one for the log) finish through <see cref="ToEvent"/>, so they
/// cannot disagree on defaults. A struct: one per event read, garbage at once.
/// </summary>
internal struct EventDraft
{
    public string? Id, Account, Platform, Actor, Customer, Post, Ref, Currency, Campaign, ContentHash;
    public DateTimeOffset? At;
    public long? Count;
    public decimal? Amount;
    public CostCategory? Category;
    public bool? Promotional, Automated, Owned;
    public double? Sentiment;

    public readonly EngagementEvent ToEvent(EventType type) => new()
    {
        Id = Id!, Account = Account!, Type = type, At = At!.Value,
        Platform = Platform, Actor = Actor, Customer = Customer, Post = Post, Ref = Ref,
        Count = type == EventType.Impression ? Count ?? 1 : null,
        Amount = Amount is { } amount ? Normalise(amount) : null,
        Currency = Currency, Campaign = Campaign,
        Category = type == EventType.Cost ? Category ?? CostCategory.Other : null,
        Promotional = type == EventType.Post ? Promotional ?? false : null,
        Automated = type == EventType.Reply ? Automated ?? false : null,
        ContentHash = ContentHash, Sentiment = Sentiment,
        Owned = type == EventType.Click ? Owned ?? true : null,
    };

    // 12.50 and 12.5 are the same amount: drop trailing zeros so content comparison agrees.
    private static decimal Normalise(decimal amount) => amount / 1.0000000000000000000000000000m;
}
