using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations;

/// <summary>
/// Operations' own tables. Journeys hold step names and times only; <c>subject</c> is a keyed hash of the patient's
/// owner key, kept only while the journey is open (to find it again on the next step) and cleared when it ends or the
/// patient deletes their data. Rows go after Operations:JourneyRetentionDays.
/// </summary>
internal sealed class OperationsSchema : IDatabaseSchema
{
    public string CreateStatements => """
        CREATE TABLE IF NOT EXISTS operations_keys (
            name  TEXT PRIMARY KEY,
            value BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS journeys (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            subject    TEXT,
            channel    TEXT NOT NULL,
            started_at TEXT NOT NULL,
            last_step  TEXT NOT NULL,
            last_at    TEXT NOT NULL,
            outcome    TEXT,
            ended_at   TEXT
        );
        CREATE INDEX IF NOT EXISTS journeys_subject ON journeys (subject) WHERE subject IS NOT NULL;
        CREATE INDEX IF NOT EXISTS journeys_open ON journeys (outcome, last_at);
        CREATE INDEX IF NOT EXISTS journeys_started ON journeys (started_at);
        CREATE TABLE IF NOT EXISTS journey_steps (
            journey_id INTEGER NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
            step       TEXT NOT NULL,
            at         TEXT NOT NULL,
            PRIMARY KEY (journey_id, step)
        );
        CREATE TABLE IF NOT EXISTS operations_alerts (
            rule           TEXT PRIMARY KEY,
            last_posted_at TEXT,
            watermark      INTEGER NOT NULL DEFAULT 0,
            active         INTEGER NOT NULL DEFAULT 0
        );
        """;

    /// <summary>Files made by the first version of this table (it had no "active" column) get it at start.</summary>
    public IReadOnlyList<AddedColumn> AddedColumns { get; } = [new("operations_alerts", "active", "INTEGER NOT NULL DEFAULT 0")];
}
