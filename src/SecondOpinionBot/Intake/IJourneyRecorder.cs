using Microsoft.Bot.Builder;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake;

/// <summary>
/// Where journeys get to, for the funnel and the journey metrics (Operations records them). Recording never fails a
/// patient's turn.
/// </summary>
public interface IJourneyRecorder
{
    /// <summary>The patient reached <paramref name="reached"/> (see <see cref="JourneySteps"/>); begins a journey if none is open.</summary>
    Task ReachedAsync(ITurnContext turn, string reached, CancellationToken cancellationToken);

    /// <summary>The open journey ended with <paramref name="outcome"/> (see <see cref="JourneyOutcomes"/>).</summary>
    Task FinishedAsync(ITurnContext turn, string outcome, CancellationToken cancellationToken);

    void CaseCreated(CaseRecord record);
}
