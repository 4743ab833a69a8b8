namespace SecondOpinionBot.Storage;

/// <summary>Which database holds the bot's data (Storage:Provider).</summary>
public enum StorageProvider
{
    /// <summary>One file (Storage:SqlitePath): one process, one clinic.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (ConnectionStrings:Postgres), shared by any number of bot instances.</summary>
    PostgreSQL,
}
