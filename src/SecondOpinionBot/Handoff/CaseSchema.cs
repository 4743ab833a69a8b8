using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Handoff;

internal sealed class CaseSchema : IDatabaseSchema
{
    public string CreateStatements => """
        CREATE TABLE IF NOT EXISTS cases (
            id                   TEXT PRIMARY KEY,
            reference            TEXT NOT NULL UNIQUE,
            owner_key            TEXT NOT NULL,
            created_at           TEXT NOT NULL,
            queue                TEXT NOT NULL,
            secondary_queue      TEXT,
            priority             TEXT NOT NULL,
            status               TEXT NOT NULL,
            assignee_id          TEXT,
            assignee_name        TEXT,
            outcome              TEXT,
            version              INTEGER NOT NULL,
            patient_conversation TEXT,
            details              TEXT NOT NULL,
            staff_conversation   TEXT,
            staff_card_activity  TEXT,
            closed_at            TEXT
        );
        CREATE INDEX IF NOT EXISTS cases_owner ON cases (owner_key, created_at);
        CREATE INDEX IF NOT EXISTS cases_queue ON cases (queue, status);
        CREATE TABLE IF NOT EXISTS case_audit (
            case_id TEXT NOT NULL,
            at      TEXT NOT NULL,
            actor   TEXT NOT NULL,
            action  TEXT NOT NULL,
            detail  TEXT
        );
        CREATE INDEX IF NOT EXISTS case_audit_case ON case_audit (case_id, at);
        CREATE TABLE IF NOT EXISTS case_card_copies (
            case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
            conversation_id TEXT NOT NULL,
            activity_id     TEXT NOT NULL,
            PRIMARY KEY (case_id, activity_id)
        );
        """;

    public IReadOnlyList<AddedColumn> AddedColumns { get; } =
    [
        new("cases", "assignee_user_id", "TEXT"),
        new("cases", "resolved_by_id", "TEXT"),
        new("cases", "resolved_by_name", "TEXT"),
        new("cases", "request_key", "TEXT"),
    ];
}
