namespace SecondOpinionBot.Handoff;

/// <summary>Who may bind queues and act on cases, and how the outbox retries. Bound from the "Handoff" section.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>The care team's Entra tenant. Empty means MicrosoftAppTenantId; with neither, staff actions are refused.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>When not empty, only these teams (channelData.team.id) may bind a queue.</summary>
    public List<string> AllowedTeamIds { get; set; } = [];

    /// <summary>When not empty, only these users (from.aadObjectId) may bind a queue, and only in an allowed team.</summary>
    public List<string> AllowedUserObjectIds { get; set; } = [];

    /// <summary>
    /// Queue admins (from.aadObjectId): may bind a queue in any team of the tenant and move a bound queue. In a
    /// configured bot, binding needs this list or <see cref="AllowedTeamIds"/>; with neither it is refused.
    /// </summary>
    public List<string> AdminUserObjectIds { get; set; } = [];

    /// <summary>Queue leads (from.aadObjectId): see the Details of every case of their queue also when <see cref="DetailsAssigneeOnly"/>.</summary>
    public List<string> LeadUserObjectIds { get; set; } = [];

    /// <summary>When on, a queue member sees a case's Details only while they have it (leads and admins always).</summary>
    public bool DetailsAssigneeOnly { get; set; }

    /// <summary>How long a roster answer ("is this person in the team?") is kept; Details and Take over always ask afresh.</summary>
    public TimeSpan RosterCacheLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether the channel card may show the patient's first name (only a plausible one). Off by default.</summary>
    public bool ShowFirstNameOnCard { get; set; }

    /// <summary>When the team reads messages; the patient is told, and urgent events outside them are escalated.</summary>
    public TeamHoursOptions Hours { get; set; } = new();

    /// <summary>A queue's own calendar, replacing <see cref="Hours"/> for it: Handoff:QueueHours:social-work:Open …</summary>
    public Dictionary<string, TeamHoursOptions> QueueHours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How soon, in business time on the queue's calendar, a case should be claimed, and a claimed one touched.</summary>
    public ServiceLevelOptions ServiceLevels { get; set; } = new();
    /// <summary>
    /// The phone number a patient is given when their case could not be delivered to the team (its card was given up),
    /// e.g. the care team's front desk. Empty: they are asked to call their clinic.
    /// </summary>
    public string FallbackPhone { get; set; } = "";

    /// <summary>Teams user id (29:…) of whoever covers urgent events outside <see cref="Hours"/>; told in their personal chat.</summary>
    public string AfterHoursContactUserId { get; set; } = "";

    public OutboxOptions Outbox { get; set; } = new();
}

public sealed class ServiceLevelOptions
{
    /// <summary>Business time within which an urgent case is claimed (and, once claimed, touched again).</summary>
    public TimeSpan Urgent { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Business time for a routine case: 8 hours is one working day of 09:00–17:00.</summary>
    public TimeSpan Routine { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often the reminder job looks for overdue cases.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the reminder job refreshes each open case's card, so its "Waiting" time stays current without anyone
    /// acting. One update per card per period (Teams throttles a bot that edits messages too often); at least
    /// <see cref="CheckEvery"/>.
    /// </summary>
    public TimeSpan RefreshCardsEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Off in tests that run the reminder pass themselves.</summary>
    public bool RunReminders { get; set; } = true;
}

public sealed class OutboxOptions
{
    /// <summary>Off in tests that drain the outbox themselves with <c>OutboxProcessor.RunOnceAsync</c>.</summary>
    public bool RunWorker { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one instance owns a leased item before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed attempts an item goes to the dead-letter list.</summary>
    public int MaxAttempts { get; set; } = 10;

    public int BatchSize { get; set; } = 20;
}
