using SecondOpinionBot.Storage;

namespace SecondOpinionBot.PrepSheets;

internal sealed class PrepSheetLinkSchema : IDatabaseSchema
{
    public string Name => "prep-sheets";

    public IReadOnlyList<Migration> Sqlite { get; } =
    [
        new(1, "baseline", """
            CREATE TABLE IF NOT EXISTS prep_sheet_links (
                token_hash TEXT PRIMARY KEY,
                owner_key  TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                sheet      TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS prep_sheet_links_owner ON prep_sheet_links (owner_key);
            CREATE INDEX IF NOT EXISTS prep_sheet_links_expiry ON prep_sheet_links (expires_at);
            """),
        // Unix milliseconds become StoredTime text (the columns' INTEGER affinity keeps text that is not a number as text).
        new(2, "one time format", $"""
            UPDATE prep_sheet_links SET created_at = {SqliteMigrations.FromUnixMilliseconds("created_at")} WHERE typeof(created_at) = 'integer';
            UPDATE prep_sheet_links SET expires_at = {SqliteMigrations.FromUnixMilliseconds("expires_at")} WHERE typeof(expires_at) = 'integer';
            """),
    ];

    public IReadOnlyList<Migration> PostgreSql { get; } =
    [
        new(1, "baseline", """
            CREATE TABLE prep_sheet_links (
                token_hash text PRIMARY KEY,
                owner_key  text NOT NULL,
                created_at timestamptz NOT NULL,
                expires_at timestamptz NOT NULL,
                sheet      text NOT NULL
            );
            CREATE INDEX prep_sheet_links_owner ON prep_sheet_links (owner_key);
            CREATE INDEX prep_sheet_links_expiry ON prep_sheet_links (expires_at);
            """),
        Migration.Nothing(2, "one time format (SQLite only)"),
    ];
}
