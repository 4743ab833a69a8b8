using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Handoff;

internal sealed class HandoffSchema : IDatabaseSchema
{
    public string CreateStatements => """
        CREATE TABLE IF NOT EXISTS queue_bindings (
            queue       TEXT PRIMARY KEY,
            team_id     TEXT NOT NULL,
            channel_id  TEXT NOT NULL,
            service_url TEXT NOT NULL,
            tenant_id   TEXT NOT NULL,
            bound_by    TEXT NOT NULL,
            bound_at    TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS queue_moves (
            queue        TEXT PRIMARY KEY,
            requested_by TEXT NOT NULL,
            expires_at   TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS outbox (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            kind            TEXT NOT NULL,
            case_reference  TEXT NOT NULL,
            payload         TEXT NOT NULL,
            dedupe_key      TEXT UNIQUE,
            created_at      TEXT NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            lease_owner     TEXT,
            lease_until     TEXT,
            completed_at    TEXT,
            dead_letter     TEXT,
            last_error      TEXT
        );
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox (completed_at, dead_letter, next_attempt_at);
        """;

    /// <summary>
    /// sending_since: set just before a send and cleared when it settles, so a send cut short by a crash is seen by the
    /// next lease; maybe_sent: some earlier attempt may have reached the channel (kept for good).
    /// </summary>
    public IReadOnlyList<AddedColumn> AddedColumns { get; } =
    [
        new("outbox", "sending_since", "TEXT"),
        new("outbox", "maybe_sent", "INTEGER NOT NULL DEFAULT 0"),
    ];
}
