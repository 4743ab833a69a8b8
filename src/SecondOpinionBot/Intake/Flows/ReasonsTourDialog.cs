using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>For someone who did not want answers saved: the four reasons to read, and nothing stored.</summary>
public sealed class ReasonsTourDialog : WaterfallDialog
{
    public new const string Id = "reasons-tour";

    public ReasonsTourDialog(JourneyKit kit)
        : base(Id)
    {
        AddStep(async (step, ct) =>
        {
            var turn = step.TurnContext;
            var reasons = kit.Content(turn).Reasons.Select(r => kit.Say(turn, MessageKeys.ReasonsShowReason, ("title", r.Title), ("explanation", r.Explanation)));
            await step.SendAsync(kit.Say(turn, MessageKeys.ReasonsIntro) + "\n\n" + string.Join("\n\n", reasons), ct);
            await step.SendAsync(kit.Say(turn, MessageKeys.WelcomeDeclinedEnd), ct);
            return await step.EndDialogAsync(ct);
        });
    }
}
