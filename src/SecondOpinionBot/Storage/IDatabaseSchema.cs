namespace SecondOpinionBot.Storage;

/// <summary>A feature's tables. Each feature registers one; the database applies them all once, idempotently.</summary>
public interface IDatabaseSchema
{
    /// <summary>CREATE … IF NOT EXISTS statements, safe to run at every start.</summary>
    string CreateStatements { get; }

    /// <summary>
    /// Columns added to an existing table after its first release. SQLite has no ADD COLUMN IF NOT EXISTS, so the
    /// database adds each one that is missing at start, and a file made by an older version keeps its rows.
    /// </summary>
    IReadOnlyList<AddedColumn> AddedColumns => [];
}

/// <param name="Definition">The column's type and constraints, e.g. "TEXT" (ADD COLUMN allows no PRIMARY KEY or UNIQUE).</param>
public sealed record AddedColumn(string Table, string Column, string Definition);
