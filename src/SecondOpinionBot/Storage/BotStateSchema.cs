namespace SecondOpinionBot.Storage;

internal sealed class BotStateSchema : IDatabaseSchema
{
    public string CreateStatements => """
        CREATE TABLE IF NOT EXISTS bot_state (
            key        TEXT PRIMARY KEY,
            etag       TEXT NOT NULL,
            document   TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS turn_locks (
            conversation_key TEXT PRIMARY KEY,
            owner            TEXT NOT NULL,
            expires_at       INTEGER NOT NULL
        );
        """;
}
