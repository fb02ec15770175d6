
namespace SocialRoi.Domain.Accounts;

/// <summary>SPEC §6: the settings an account can change with PUT /api/v1/accounts/{account}.</summary>
public sealed record AccountSettings
{
    public string? DisplayName { get; init; }
    public string Currency { get; init; } = "USD";
    public int LookbackDays { get; init; } = 30;
    public double HalfLifeDays { get; init; } = 7;
    /// <summary>Share of revenue that is profit, 0–1.</summary>
    public decimal Margin { get; init; } = 1m;
}
