using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>
/// "Start over" / "cancel" asks first; yes clears the answers (consent stays). "Start over" then begins again at once;
/// "cancel" / "stop" ends here until the user says hi.
/// </summary>
public sealed class ConfirmCancelDialog : WaterfallDialog<ConfirmCancelDialog.Request>
{
    public new const string Id = "confirm-cancel";

    public ConfirmCancelDialog(JourneyKit kit, OpenCaseRouter openCase, ICaseStore cases, PatientCaseEvents events)
        : base(Id)
    {
        AddStep(async (step, ct) =>
        {
            // With a case open, "cancel" is about that case: name it before asking.
            var open = await OpenCaseAsync(openCase, step.TurnContext, ct);
            return await step.PromptAsync(PromptIds.Confirm, open is null
                ? kit.AskYesNo(step.TurnContext, MessageKeys.CommandsCancelAsk)
                : kit.AskYesNo(step.TurnContext, MessageKeys.HandoffWithdrawAsk, ("reference", open.Reference)), ct);
        });
        AddStep(async (step, ct) =>
        {
            if (step.YesNo() != true)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.CommandsCancelKept), ct);
                return await step.EndDialogAsync(ct);
            }

            if (await OpenCaseAsync(openCase, step.TurnContext, ct) is { } open)
            {
                var withdrawn = await cases.TryTransitionAsync(open.Reference, open.Status, CaseStatus.Withdrawn, new CaseActor("patient", "The patient"), null, ct);
                if (withdrawn.Succeeded && withdrawn.Current is { } record)
                {
                    await events.WithdrawnAsync(record, ct);
                }

                await kit.UpdateAsync(step.TurnContext, IntakeDialog.Reset, ct);
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.HandoffWithdrawn, ("reference", open.Reference)), ct);
                return await step.CancelAllDialogsAsync(ct);
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

    private static async Task<CaseRecord?> OpenCaseAsync(OpenCaseRouter openCase, Microsoft.Bot.Builder.ITurnContext turn, CancellationToken ct) =>
        await openCase.LatestCaseAsync(turn, ct) is { } latest && CaseTransitions.IsOpen(latest.Status) ? latest : null;

    public sealed class Request
    {
        /// <summary>True for "start over" (begin again now); false for "cancel" / "stop" (wait for the user).</summary>
        public bool StartOver { get; set; }
    }
}
