using System.ComponentModel.DataAnnotations;

namespace SecondOpinionBot.Privacy;

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>How long a resolved or withdrawn case is kept after it closed, before it is deleted.</summary>
    [Range(1, 3650)]
    public int ResolvedCaseRetentionDays { get; set; } = 180;

    /// <summary>
    /// How long a conversation's position (where it is in the journey, no answers) is kept after its last message. Users
    /// who declined consent have nothing else stored, so this is their data's whole lifetime.
    /// </summary>
    [Range(1, 8760)]
    public int IdleConversationHours { get; set; } = 24;

    /// <summary>How long an unfinished journey's answers (the draft) are kept after they were last changed.</summary>
    [Range(1, 3650)]
    public int IdleDraftDays { get; set; } = 30;

    /// <summary>How often the purge runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The first purge runs this long after start (not during start-up), then every interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FirstRunDelay { get; set; } = TimeSpan.FromMinutes(1);
}
