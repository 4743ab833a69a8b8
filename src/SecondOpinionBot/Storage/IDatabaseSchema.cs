namespace SecondOpinionBot.Storage;

/// <summary>
/// A feature's tables, as versioned migrations per provider. Each feature registers one; at start the database applies
/// every migration not yet recorded in <c>schema_version</c> (feature name, version), in registration order, under a
/// lock, so instances starting together apply each once.
/// To change a table, add a migration with the next version to BOTH lists; never edit one that has shipped.
/// </summary>
public interface IDatabaseSchema
{
    /// <summary>The feature's name in schema_version (stable; never renamed).</summary>
    string Name { get; }

    IReadOnlyList<Migration> Sqlite { get; }

    IReadOnlyList<Migration> PostgreSql { get; }
}

/// <param name="Version">1, 2, 3 … within the feature.</param>
/// <param name="Sql">One or more statements; they run in the migration's transaction.</param>
public sealed record Migration(int Version, string Description, string Sql)
{
    /// <summary>
    /// SQLite only, for the baselines: columns that files made before versioned migrations may lack (SQLite has no
    /// ADD COLUMN IF NOT EXISTS), added when missing after <see cref="Sql"/> ran.
    /// </summary>
    public IReadOnlyList<AddedColumn> EnsureColumns { get; init; } = [];

    /// <summary>A version one provider needs and the other does not, so both keep the same numbers.</summary>
    public static Migration Nothing(int version, string description) => new(version, description, "SELECT 1");
}

/// <param name="Definition">The column's type and constraints, e.g. "TEXT" (ADD COLUMN allows no PRIMARY KEY or UNIQUE).</param>
public sealed record AddedColumn(string Table, string Column, string Definition);

public static class DatabaseSchemaExtensions
{
    public static IReadOnlyList<Migration> For(this IDatabaseSchema schema, StorageProvider provider) =>
        provider == StorageProvider.PostgreSQL ? schema.PostgreSql : schema.Sqlite;
}
