namespace SecondOpinionBot.Storage.Protection;

/// <summary>Per-subject data keys (wrapped by Data Protection) and the Data Protection key ring itself.</summary>
public sealed class PatientKeySchema : IDatabaseSchema
{
    public string CreateStatements => """
        CREATE TABLE IF NOT EXISTS patient_keys (
            subject     TEXT PRIMARY KEY,
            wrapped_key TEXT NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS data_protection_keys (
            name TEXT PRIMARY KEY,
            xml  TEXT NOT NULL
        );
        """;
}
