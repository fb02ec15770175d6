using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SocialRoi.Storage.Sqlite;

/// <summary>Applies the numbered Migrations/Sqlite/*.sql scripts not yet applied, each in its own transaction.</summary>
internal static class SqliteMigrations
{
    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await SqliteStorage.Execute(connection,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
            cancellationToken);
        var applied = new HashSet<long>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT version FROM schema_migrations";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt64(0));
        }
        foreach (var script in MigrationScripts.For("Sqlite").Where(s => !applied.Contains(s.Version)))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = script.Sql + "\nINSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $now);";
            command.Parameters.AddWithValue("$version", script.Version);
            command.Parameters.AddWithValue("$name", script.Name);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
