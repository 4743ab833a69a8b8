using Microsoft.Bot.Builder;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>"Delete my data", after a confirmation: erases everything the bot holds about the user, everywhere.</summary>
public sealed class ConfirmDeleteDialog : WaterfallDialog
{
    public new const string Id = "confirm-delete";

    public ConfirmDeleteDialog(JourneyKit kit, IPatientDataEraser eraser, ICaseStore cases, PatientCaseEvents events, Dialogs.State.IStateStorage state)
        : base(Id)
    {
        AddStep(async (step, ct) =>
        {
            var latest = await cases.FindLatestForOwnerAsync(PatientIdentity.From(step.TurnContext.Activity).OwnerKey, ct);
            return await step.PromptAsync(PromptIds.Confirm, latest is not null && CaseTransitions.IsOpen(latest.Status)
                ? kit.AskYesNo(step.TurnContext, MessageKeys.HandoffDeleteAskOpenCase, ("reference", latest.Reference))
                : kit.AskYesNo(step.TurnContext, MessageKeys.CommandsDeleteAsk), ct);
        });
        AddStep(async (step, ct) =>
        {
            var turn = step.TurnContext;
            if (step.YesNo() != true)
            {
                await step.SendAsync(kit.Say(turn, MessageKeys.CommandsDeleteKept), ct);
                return await step.EndDialogAsync(ct);
            }

            var who = PatientIdentity.From(turn.Activity);
            var latest = await cases.FindLatestForOwnerAsync(who.OwnerKey, ct);
            var result = await eraser.EraseAsync(who, ct);

            // The turn's cached state would otherwise be written back at the end of the turn.
            await Dialogs.State.TurnStateDocuments.DeleteAllAsync(turn, state, ct);
            if (latest is not null)
            {
                // The staff card now shows the case as withdrawn, without the patient's details; the thread says why.
                await events.ErasedAsync(latest, ct);
            }

            await step.SendAsync(kit.Say(turn, result.Complete ? MessageKeys.CommandsDeleted : MessageKeys.ErrorsGeneral), ct);
            return await step.CancelAllDialogsAsync(ct);
        });
    }
}
