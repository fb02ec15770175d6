using System.Data.Common;

namespace SocialRoi.Storage;

/// <summary>Reads every row of a query into a list; shared by both stores, which differ only in their SQL.</summary>
internal static class DbRows
{
    public static async Task<List<T>> ReadAsync<T>(DbCommand command, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(row(reader));
        return rows;
    }
}
