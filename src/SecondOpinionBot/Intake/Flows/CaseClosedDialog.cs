using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>
/// The patient writes after their case was resolved: open it again (same queue, the team is told, the card updates)
/// or start a new plan, instead of a new intake starting silently.
/// </summary>
public sealed class CaseClosedDialog : WaterfallDialog
{
    public new const string Id = "case-closed";

    public CaseClosedDialog(JourneyKit kit, OpenCaseRouter router, PatientCaseEvents events)
        : base(Id)
    {
        AddStep(async (step, ct) =>
        {
            var latest = await router.LatestCaseAsync(step.TurnContext, ct);
            if (latest is null || latest.Status != CaseStatus.Resolved)
            {
                return await step.ReplaceDialogAsync(IntakeDialog.Id, ct);
            }

            return await step.PromptAsync(PromptIds.Confirm, kit.AskYesNo(step.TurnContext, MessageKeys.HandoffReopenAsk, ("reference", latest.Reference)), ct);
        });
        AddStep(async (step, ct) =>
        {
            var turn = step.TurnContext;
            var latest = await router.LatestCaseAsync(turn, ct);
            if (step.YesNo() == true && latest is { Status: CaseStatus.Resolved })
            {
                var reopened = await events.ReopenAsync(latest, ct);
                await step.SendAsync(kit.Say(turn, MessageKeys.HandoffReopened, ("reference", (reopened ?? latest).Reference)), ct);
                return await step.EndDialogAsync(ct);
            }

            await kit.UpdateAsync(turn, IntakeDialog.Reset, ct);
            await step.SendAsync(kit.Say(turn, MessageKeys.HandoffNewPlan), ct);
            return await step.ReplaceDialogAsync(IntakeDialog.Id, ct);
        });
    }
}
