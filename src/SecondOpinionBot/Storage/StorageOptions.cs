using System.ComponentModel.DataAnnotations;

namespace SecondOpinionBot.Storage;

/// <summary>Where the bot keeps conversation state, drafts, cases and transcripts.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (the default: one file, one instance) or PostgreSQL (ConnectionStrings:Postgres, any number of instances).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>From ConnectionStrings:Postgres (in production a Key Vault reference or an environment variable, never the repo).</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>SQLite file; relative paths are resolved against the content root.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/secondopinion.db";

    /// <summary>How long a connection waits for another writer before giving up.</summary>
    [Range(100, 60_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;

    /// <summary>The longest one turn may hold its conversation's lease; past it the lease is no longer renewed.</summary>
    [Range(1, 600)]
    public int TurnLockSeconds { get; set; } = 60;

    /// <summary>
    /// A lease (or a place in the queue) whose instance has not renewed it for this long is taken as dead. Instances
    /// renew every <see cref="TurnHeartbeat"/>, so after a crash nobody waits longer than this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan TurnLeaseExpiry { get; set; } = TimeSpan.FromSeconds(4);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan TurnHeartbeat { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a turn waits for its conversation's lease before the request is refused (well within Teams' 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:14")]
    public TimeSpan TurnMaxWait { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long after its last turn a conversation's handled activity ids (and replies not yet delivered) are kept to recognise a channel's resend.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan TurnJournalRetention { get; set; } = TimeSpan.FromDays(1);
}
