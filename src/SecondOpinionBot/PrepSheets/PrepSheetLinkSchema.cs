using SecondOpinionBot.Storage;

namespace SecondOpinionBot.PrepSheets;

internal sealed class PrepSheetLinkSchema : IDatabaseSchema
{
    public string CreateStatements => """
        CREATE TABLE IF NOT EXISTS prep_sheet_links (
            token_hash TEXT PRIMARY KEY,
            owner_key  TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            sheet      TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS prep_sheet_links_owner ON prep_sheet_links (owner_key);
        CREATE INDEX IF NOT EXISTS prep_sheet_links_expiry ON prep_sheet_links (expires_at);
        """;
}
