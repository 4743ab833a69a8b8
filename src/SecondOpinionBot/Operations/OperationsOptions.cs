using System.ComponentModel.DataAnnotations;

namespace SecondOpinionBot.Operations;

/// <summary>What the IT team tunes about monitoring, alerts and the journey funnel. Bound from "Operations".</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>How often the monitor samples the database (gauges, alerts, abandoned journeys).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Off in tests that call <c>OperationsMonitor.RunOnceAsync</c> themselves.</summary>
    public bool RunMonitor { get; set; } = true;

    /// <summary>A conversation counts as active when it had a turn this recently.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ActiveWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A journey with no step for this long is counted as abandoned at the step it reached.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan JourneyAbandonedAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Journey statistics (step names and times, no answers) are deleted after this many days.</summary>
    [Range(1, 3650)]
    public int JourneyRetentionDays { get; set; } = 400;

    /// <summary>Readiness fails when the outbox worker has not begun a pass for this long (a hung call to Teams).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan OutboxWorkerStaleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An outbox item still unsent after this long raises the "outbox-stuck" alert.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan OutboxAgeAlert { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The same alert is posted at most once per this interval; what happens in between is counted in the next card.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan AlertRepeatInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The Teams channel alert cards go to: its id as in the channel's link ("19:…@thread.tacv2"). The bot must be in
    /// that team. Empty: alerts are only logged (lines starting with "ALERT").
    /// </summary>
    public string AlertChannelId { get; set; } = "";

    /// <summary>The Bot Connector address for that channel; empty takes the one Teams gave with the queue bindings.</summary>
    public string AlertServiceUrl { get; set; } = "";

    /// <summary>The channel's tenant; empty takes Handoff:TenantId, then a queue binding's.</summary>
    public string AlertTenantId { get; set; } = "";

    /// <summary>Claim targets: a routine case unclaimed for longer is overdue (until the SLA settings of issue 15 replace these).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan ClaimTargetRoutine { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan ClaimTargetUrgent { get; set; } = TimeSpan.FromHours(4);
}
