using System.Text.Json;
using System.Text.RegularExpressions;
using SocialRoi.Domain.Accounts;

namespace SocialRoi.Server.Apis;

/// <summary>Reads the body of PUT /api/v1/accounts/{account}: <c>{"margin": 0.4}</c> changes the margin alone.</summary>
public static partial class SettingsReader
{
    [GeneratedRegex("^[A-Z]{3}$")] private static partial Regex CurrencyPattern();

    public static SettingsChange Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw new InvalidBodyException(["the body must be a JSON object with displayName, currency, lookbackDays, halfLifeDays or margin"]);
        var errors = new List<string>();
        var change = new SettingsChange(false, null, null, null, null, null);
        foreach (var field in body.EnumerateObject())
        {
            var value = field.Value;
            string Got() => $", got {value.GetRawText()}";
            switch (field.Name)
            {
                case "displayName" when value.ValueKind == JsonValueKind.Null:
                    change = change with { SetsDisplayName = true, DisplayName = null };
                    break;
                case "displayName" when value.ValueKind == JsonValueKind.String && value.GetString()!.Length is > 0 and <= SettingsChange.MaxDisplayNameLength:
                    change = change with { SetsDisplayName = true, DisplayName = value.GetString() };
                    break;
                case "displayName":
                    errors.Add($"displayName must be a string of 1–{SettingsChange.MaxDisplayNameLength} characters, or null{Got()}");
                    break;
                case "currency" when value.ValueKind == JsonValueKind.String && CurrencyPattern().IsMatch(value.GetString()!):
                    change = change with { Currency = value.GetString()! };
                    break;
                case "currency":
                    errors.Add($"currency must be an ISO 4217 code such as USD{Got()}");
                    break;
                case "lookbackDays" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var days) && days is >= 1 and <= 365:
                    change = change with { LookbackDays = days };
                    break;
                case "lookbackDays":
                    errors.Add($"lookbackDays must be a whole number from 1 to 365{Got()}");
                    break;
                case "halfLifeDays" when value.ValueKind == JsonValueKind.Number && value.GetDouble() is > 0 and var halfLife && double.IsFinite(halfLife):
                    change = change with { HalfLifeDays = halfLife };
                    break;
                case "halfLifeDays":
                    errors.Add($"halfLifeDays must be a number of days greater than 0{Got()}");
                    break;
                case "margin" when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var margin) && margin is >= 0 and <= 1:
                    change = change with { Margin = margin };
                    break;
                case "margin":
                    errors.Add($"margin must be a number from 0 to 1 (the share of revenue that is profit){Got()}");
                    break;
                default:
                    errors.Add($"unknown field \"{field.Name}\" (allowed: displayName, currency, lookbackDays, halfLifeDays, margin)");
                    break;
            }
        }
        return errors.Count == 0 ? change : throw new InvalidBodyException(errors);
    }
}
