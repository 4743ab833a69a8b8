using System.ComponentModel.DataAnnotations;

namespace SecondOpinionBot.Storage;

/// <summary>Where the bot keeps conversation state, drafts, cases and transcripts.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>SQLite file; relative paths are resolved against the content root.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/secondopinion.db";

    /// <summary>How long a connection waits for another writer before giving up.</summary>
    [Range(100, 60_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;

    /// <summary>How long one conversation's turn may hold its lock before another instance may take it over.</summary>
    [Range(1, 600)]
    public int TurnLockSeconds { get; set; } = 60;
}
