namespace SecondOpinionBot.Intake;

/// <summary>The funnel's steps in journey order: the welcome, each section, the summary, and the case sent.</summary>
public static class JourneySteps
{
    public const string Welcome = "welcome";
    public const string Summary = "summary";
    public const string Sent = "sent";

    public static IReadOnlyList<string> InOrder { get; } = [Welcome, .. JourneySections.InOrder, Summary, Sent];
}

/// <summary>How a journey ended.</summary>
public static class JourneyOutcomes
{
    public const string Sent = "sent";

    /// <summary>Said no to saving answers.</summary>
    public const string Declined = "declined";

    /// <summary>The journey could not go on (e.g. the patient does not agree to the help).</summary>
    public const string Stopped = "stopped";

    public const string Abandoned = "abandoned";

    /// <summary>The patient deleted their data mid-journey.</summary>
    public const string Deleted = "deleted";
}
