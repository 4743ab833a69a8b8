using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SecondOpinionBot.Storage.Migrations;

/// <summary>
/// Applies the features' pending migrations in one transaction under the provider's lock: SQLite's writer lock
/// (BEGIN IMMEDIATE), PostgreSQL's transaction-scoped advisory lock. A second instance starting at the same moment
/// waits, then finds everything applied. A SQLite file from before versioned migrations has no schema_version: its
/// baselines (CREATE … IF NOT EXISTS plus missing columns) run over the existing tables and keep every row.
/// </summary>
internal static class MigrationRunner
{
    /// <summary>Any fixed number: the key of the advisory lock all instances take to migrate.</summary>
    private const long AdvisoryLockKey = 0x5EC0_0D0B_0000_0001;

    public static async Task<IReadOnlyList<string>> ApplyAsync(DbConnection connection, StorageProvider provider, IReadOnlyList<IDatabaseSchema> schemas, TimeProvider clock, CancellationToken cancellationToken)
    {
        Validate(schemas, provider);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (provider == StorageProvider.PostgreSQL)
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    schema      text NOT NULL,
                    version     integer NOT NULL,
                    description text NOT NULL,
                    applied_at  timestamptz NOT NULL,
                    PRIMARY KEY (schema, version))
                """, cancellationToken);
        }
        else
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    schema      TEXT NOT NULL,
                    version     INTEGER NOT NULL,
                    description TEXT NOT NULL,
                    applied_at  TEXT NOT NULL,
                    PRIMARY KEY (schema, version))
                """, cancellationToken);
        }

        var applied = await AppliedAsync(connection, cancellationToken);
        var done = new List<string>();
        foreach (var schema in schemas)
        {
            foreach (var migration in schema.For(provider).OrderBy(m => m.Version))
            {
                if (applied.Contains((schema.Name, migration.Version)))
                {
                    continue;
                }

                await ExecuteAsync(connection, migration.Sql, cancellationToken);
                foreach (var column in migration.EnsureColumns)
                {
                    await AddColumnIfMissingAsync(connection, column, cancellationToken);
                }

                await using var record = connection.CreateCommand();
                record.CommandText = "INSERT INTO schema_version (schema, version, description, applied_at) VALUES (@schema, @version, @description, @at)";
                record.Parameters.AddWithValue("@schema", schema.Name);
                record.Parameters.AddWithValue("@version", migration.Version);
                record.Parameters.AddWithValue("@description", migration.Description);
                record.Parameters.AddWithValue("@at", clock.GetUtcNow());
                await record.ExecuteNonQueryAsync(cancellationToken);
                done.Add($"{schema.Name} {migration.Version} ({migration.Description})");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return done;
    }

    /// <summary>(feature, version) pairs recorded in schema_version.</summary>
    public static async Task<HashSet<(string Schema, int Version)>> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var applied = new HashSet<(string, int)>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT schema, version FROM schema_version";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return applied;
    }

    /// <summary>Two features with one name, or versions that are not 1, 2, 3 …, are a coding mistake: refuse to start.</summary>
    private static void Validate(IReadOnlyList<IDatabaseSchema> schemas, StorageProvider provider)
    {
        foreach (var group in schemas.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            throw new InvalidOperationException($"Two database schemas are named '{group.Key}' ({string.Join(", ", group.Select(s => s.GetType().Name))}).");
        }

        foreach (var schema in schemas)
        {
            var versions = schema.For(provider).Select(m => m.Version).OrderBy(v => v).ToArray();
            if (!versions.SequenceEqual(Enumerable.Range(1, versions.Length)))
            {
                throw new InvalidOperationException($"Schema '{schema.Name}' ({provider}) has migrations {string.Join(", ", versions)}: they must be numbered 1, 2, 3 … without gaps or repeats.");
            }

            if (schema.Sqlite.Count != schema.PostgreSql.Count)
            {
                throw new InvalidOperationException($"Schema '{schema.Name}' has {schema.Sqlite.Count} SQLite and {schema.PostgreSql.Count} PostgreSQL migrations: every change needs both.");
            }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AddColumnIfMissingAsync(DbConnection connection, AddedColumn added, CancellationToken cancellationToken)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @column";
        check.Parameters.AddWithValue("@table", added.Table);
        check.Parameters.AddWithValue("@column", added.Column);
        if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        // Names come from the schema classes (code), never from input.
        try
        {
            await ExecuteAsync(connection, $"ALTER TABLE {added.Table} ADD COLUMN {added.Column} {added.Definition}", cancellationToken);
        }
        catch (SqliteException ex) when (ex.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
        {
            // Cannot happen under the writer lock; kept for files edited by hand.
        }
    }
}
