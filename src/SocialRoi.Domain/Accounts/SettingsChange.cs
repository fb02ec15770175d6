namespace SocialRoi.Domain.Accounts;

/// <summary>
/// SPEC §6: a change to an account's settings. Fields left out keep their current value,
/// so a change of the margin alone leaves everything else as it was.
/// </summary>
public sealed record SettingsChange(
    bool SetsDisplayName, string? DisplayName, string? Currency, int? LookbackDays, double? HalfLifeDays, decimal? Margin)
{
    public const int MaxDisplayNameLength = 200;

    public AccountSettings ApplyTo(AccountSettings current) => current with
    {
        DisplayName = SetsDisplayName ? DisplayName : current.DisplayName,
        Currency = Currency ?? current.Currency,
        LookbackDays = LookbackDays ?? current.LookbackDays,
        HalfLifeDays = HalfLifeDays ?? current.HalfLifeDays,
        Margin = Margin ?? current.Margin,
    };
}
