using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>How the symptoms are changing; fast changes make the case urgent.</summary>
public sealed class UrgencyDialog : WaterfallDialog
{
    public UrgencyDialog(string id, JourneyKit kit)
        : base(id)
    {
        AddStep((step, ct) => step.PromptAsync(PromptIds.Choice, kit.Ask(step.TurnContext, MessageKeys.SituationSymptomsAsk, kit.Choices(step.TurnContext, ChoiceSetIds.Urgency)), ct));
        AddStep(async (step, ct) =>
        {
            await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.Urgency, ct);
            var fast = step.ChoiceId() == "fast";
            await kit.UpdateAsync(step.TurnContext, d => d.SymptomsChangingFast = fast, ct);
            if (fast)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.SituationSymptomsFast, ("emergencyNumber", kit.EmergencyNumber)), ct);
            }

            return await step.EndDialogAsync(ct);
        });
    }
}
