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
        DROP TABLE IF EXISTS turn_locks;
        CREATE TABLE IF NOT EXISTS turn_queue (
            seq              INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_key TEXT NOT NULL,
            instance_id      TEXT NOT NULL,
            created_at       INTEGER NOT NULL,
            heartbeat_at     INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS turn_queue_conversation ON turn_queue (conversation_key, seq);
        CREATE TABLE IF NOT EXISTS turn_journal (
            conversation_key TEXT NOT NULL,
            activity_id      TEXT NOT NULL,
            replies          TEXT NOT NULL,
            delivered        INTEGER NOT NULL DEFAULT 0,
            created_at       INTEGER NOT NULL,
            PRIMARY KEY (conversation_key, activity_id)
        );
        CREATE INDEX IF NOT EXISTS turn_journal_undelivered ON turn_journal (conversation_key, delivered);
        """;
}
