using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Handoff.Messages;

/// <summary>Messages belong to their case: purging a closed case deletes them (ON DELETE CASCADE).</summary>
internal sealed class CaseMessageSchema : IDatabaseSchema
{
    public string CreateStatements => """
        CREATE TABLE IF NOT EXISTS case_messages (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
            at           TEXT NOT NULL,
            direction    TEXT NOT NULL,
            author_id    TEXT NOT NULL,
            author_name  TEXT NOT NULL,
            text         TEXT NOT NULL,
            delivered_at TEXT
        );
        CREATE INDEX IF NOT EXISTS case_messages_case ON case_messages (case_id, id);
        """;
}
