using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// The Direct Line tables live in the bot's one database. Each conversation counts its transcript positions in its own
/// row (last_seq): appending takes that row's lock, so two instances appending at once get consecutive positions, and a
/// position becomes visible only after every lower one (MAX(seq)+1 was safe only with SQLite's single writer).
/// </summary>
internal sealed class DirectLineSchema : IDatabaseSchema
{
    public string Name => "directline";

    public IReadOnlyList<Migration> Sqlite { get; } =
    [
        new(1, "baseline", """
            CREATE TABLE IF NOT EXISTS directline_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS directline_conversations (
                id TEXT PRIMARY KEY, user_id TEXT NOT NULL, resume_hash TEXT, started INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS directline_activities (
                conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, activity_id TEXT NOT NULL, json TEXT NOT NULL,
                PRIMARY KEY (conversation_id, seq));
            CREATE UNIQUE INDEX IF NOT EXISTS directline_activity_ids ON directline_activities (conversation_id, activity_id);
            """)
        {
            EnsureColumns = [new("directline_activities", "client_activity_id", "TEXT")],
        },
        new(2, "transcript counter row; one time format", $"""
            ALTER TABLE directline_conversations ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
            UPDATE directline_conversations SET last_seq = COALESCE((SELECT MAX(seq) FROM directline_activities a WHERE a.conversation_id = directline_conversations.id), 0);
            {SqliteMigrations.NormaliseRoundTrip("directline_conversations", "created_at")}
            CREATE INDEX IF NOT EXISTS directline_conversations_user ON directline_conversations (user_id);
            """),
    ];

    public IReadOnlyList<Migration> PostgreSql { get; } =
    [
        new(1, "baseline", """
            CREATE TABLE directline_settings (name text PRIMARY KEY, value text NOT NULL);
            CREATE TABLE directline_conversations (
                id text PRIMARY KEY, user_id text NOT NULL, resume_hash text, started integer NOT NULL DEFAULT 0, created_at timestamptz NOT NULL);
            CREATE TABLE directline_activities (
                conversation_id text NOT NULL, seq bigint NOT NULL, activity_id text NOT NULL, json text NOT NULL, client_activity_id text,
                PRIMARY KEY (conversation_id, seq));
            CREATE UNIQUE INDEX directline_activity_ids ON directline_activities (conversation_id, activity_id);
            """),
        new(2, "transcript counter row", """
            ALTER TABLE directline_conversations ADD COLUMN last_seq bigint NOT NULL DEFAULT 0;
            CREATE INDEX directline_conversations_user ON directline_conversations (user_id);
            """),
    ];
}
