using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>"Start over" / "cancel" asks first; yes clears the answers (consent stays) and begins again.</summary>
public sealed class ConfirmCancelDialog : WaterfallDialog
{
    public new const string Id = "confirm-cancel";

    public ConfirmCancelDialog(JourneyKit kit)
        : base(Id)
    {
        AddStep((step, ct) => step.PromptAsync(PromptIds.Confirm, kit.Ask(step.TurnContext, MessageKeys.CommandsCancelAsk), ct));
        AddStep(async (step, ct) =>
        {
            if (step.YesNo() != true)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.CommandsCancelKept), ct);
                return await step.EndDialogAsync(ct);
            }

            await kit.UpdateAsync(step.TurnContext, IntakeDialog.Reset, ct);
            await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.CommandsCancelled), ct);
            await step.CancelAllDialogsAsync(ct);
            return await step.Context.BeginDialogAsync(IntakeDialog.Id, ct);
        });
    }
}
