using System.Data.Common;

namespace SocialRoi.Storage;

/// <summary>Reads api_keys rows, the same columns on both stores: id, key_hash, scopes, accounts, created_at, revoked_at.</summary>
internal static class ApiKeyRows
{
    public const string Select = "SELECT id, key_hash, scopes, accounts, created_at, revoked_at FROM api_keys ORDER BY created_at, id";

    public static StoredApiKey Read(DbDataReader row) => new(
        row.GetString(0), row.GetString(1), Split(row.GetString(2)), Split(row.GetString(3)),
        Instant(row.GetValue(4)), row.IsDBNull(5) ? null : Instant(row.GetValue(5)));

    public static string Join(IReadOnlyList<string> values) => string.Join(',', values);

    private static IReadOnlyList<string> Split(string values) => values.Split(',', StringSplitOptions.RemoveEmptyEntries);

    // timestamptz on PostgreSQL, ISO 8601 text on SQLite.
    private static DateTimeOffset Instant(object value) => value switch
    {
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset instant => instant,
        _ => DateTimeOffset.Parse((string)value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
