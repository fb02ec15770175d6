using System.Data.Common;
using System.Globalization;
using SocialRoi.Domain.Accounts;

namespace SocialRoi.Storage;

/// <summary>
/// Reads accounts catalog rows, the same columns on both stores: account, display_name, currency,
/// lookback_days, half_life_days, margin, goals (null when the grain never saved settings), events.
/// </summary>
internal static class AccountRows
{
    public const string Columns = "a.display_name, a.currency, a.lookback_days, a.half_life_days, a.margin, a.goals";

    public static StoredAccount Read(DbDataReader row)
    {
        var account = row.GetString(0);
        var events = row.GetInt64(7);
        if (row.IsDBNull(6)) return new StoredAccount(account, new AccountSettings(), [], events);
        var settings = new AccountSettings
        {
            DisplayName = row.IsDBNull(1) ? null : row.GetString(1),
            Currency = row.GetString(2),
            LookbackDays = row.GetInt32(3),
            HalfLifeDays = row.GetDouble(4),
            Margin = Convert.ToDecimal(row.GetValue(5), CultureInfo.InvariantCulture), // numeric, or exact text on SQLite
        };
        return new StoredAccount(account, settings, GoalsJson.Read(row.GetString(6)), events);
    }
}
