using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>
/// "Talk to a person" at any point: the shortest way to a human. The questions not yet answered are skipped, the user
/// says how to reach them, checks the summary and sends it. Someone with a case already gets its status.
/// </summary>
public sealed class TalkToPersonDialog : WaterfallDialog
{
    public new const string Id = "talk-to-person";

    /// <summary>What a person needs before they can help: who it is for and how to reach them.</summary>
    private static readonly string[] Needed = [JourneySections.Role, JourneySections.Contact];

    public TalkToPersonDialog(JourneyKit kit, CaseStatusReply status, OpenCaseRouter router, PatientCaseEvents events)
        : base(Id)
    {
        AddStep(async (step, ct) =>
        {
            var turn = step.TurnContext;
            if (await router.LatestCaseAsync(turn, ct) is { } open && Handoff.CaseTransitions.IsOpen(open.Status))
            {
                await events.TalkToPersonAsync(open, ct);
                await step.SendAsync(kit.Say(turn, MessageKeys.HandoffTalkToPersonOpenCase, ("reference", open.Reference)), ct);
                return await step.EndDialogAsync(ct);
            }

            var draft = await kit.DraftAsync(turn, ct);
            if (draft.ConsentToStore != true)
            {
                await step.SendAsync(kit.Say(turn, MessageKeys.CommandsTalkToPersonNeedsConsent), ct);
                return await step.EndDialogAsync(ct);
            }

            await kit.UpdateAsync(turn, d => d.CompletedSections = JourneySections.InOrder
                .Where(section => !Needed.Contains(section) || d.CompletedSections.Contains(section))
                .ToList(), ct);
            await step.SendAsync(kit.Say(turn, MessageKeys.CommandsTalkToPerson) + "\n\n" + kit.Say(turn, MessageKeys.CommandsTalkToPersonNext), ct);
            await step.CancelAllDialogsAsync(ct);
            return await step.Context.BeginDialogAsync(IntakeDialog.Id, new IntakeDialog.Start { Continuing = true }, ct);
        });
    }
}
