using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>
/// "Start over" / "cancel" asks first; yes clears the answers (consent stays). "Start over" then begins again at once;
/// "cancel" / "stop" ends here until the user says hi.
/// </summary>
public sealed class ConfirmCancelDialog : WaterfallDialog<ConfirmCancelDialog.Request>
{
    public new const string Id = "confirm-cancel";

    public ConfirmCancelDialog(JourneyKit kit)
        : base(Id)
    {
        AddStep((step, ct) => step.PromptAsync(PromptIds.Confirm, kit.AskYesNo(step.TurnContext, MessageKeys.CommandsCancelAsk), ct));
        AddStep(async (step, ct) =>
        {
            if (step.YesNo() != true)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.CommandsCancelKept), ct);
                return await step.EndDialogAsync(ct);
            }

            await kit.UpdateAsync(step.TurnContext, IntakeDialog.Reset, ct);
            if (!step.Options.StartOver)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.CommandsCancelled), ct);
                return await step.CancelAllDialogsAsync(ct);
            }

            await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.WelcomeStartedOver), ct);
            await step.CancelAllDialogsAsync(ct);
            return await step.Context.BeginDialogAsync(IntakeDialog.Id, ct);
        });
    }

    public sealed class Request
    {
        /// <summary>True for "start over" (begin again now); false for "cancel" / "stop" (wait for the user).</summary>
        public bool StartOver { get; set; }
    }
}
