using SecondOpinionBot.Intake;
namespace SecondOpinionBot.Operations.Funnel;

/// <summary>
/// Where journeys got to in a period, and what became of the cases: counts and durations only. Built from the journey
/// statistics and the cases table, so it holds nothing a patient said.
/// </summary>
public sealed record FunnelReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int Started,
    IReadOnlyList<FunnelStep> Steps,
    IReadOnlyList<FunnelStop> Stops,
    IReadOnlyList<CaseCount> Cases,
    IReadOnlyList<ClaimTimes> Claims)
{
    public int Sent => Steps.FirstOrDefault(s => s.Step == JourneySteps.Sent)?.Reached ?? 0;
}

/// <param name="MedianTime">From reaching this step to reaching the next one, over the journeys that did both.</param>
public sealed record FunnelStep(string Step, int Reached, TimeSpan? MedianTime);

/// <summary>Journeys that did not send a case, by the step they were last at and how they ended ("in progress" if open).</summary>
public sealed record FunnelStop(string Step, string Outcome, int Journeys);

public sealed record CaseCount(string Queue, string Priority, string Status, string Outcome, int Cases);

/// <param name="Target">The claim target for this priority (Operations:ClaimTarget*).</param>
/// <param name="WaitingPastTarget">Cases still unclaimed that have waited longer than the target.</param>
public sealed record ClaimTimes(string Priority, int Cases, int Claimed, TimeSpan? Median, TimeSpan? P90, TimeSpan Target, int ClaimedWithinTarget, int WaitingPastTarget);
