namespace SecondOpinionBot.Storage;

/// <summary>A feature's tables. Each feature registers one; the database applies them all once, idempotently.</summary>
public interface IDatabaseSchema
{
    /// <summary>CREATE … IF NOT EXISTS statements, safe to run at every start.</summary>
    string CreateStatements { get; }
}
