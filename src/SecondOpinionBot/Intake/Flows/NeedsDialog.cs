using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>Practical needs (coverage, travel, caregiver time, money, transport, housing…), or none.</summary>
public sealed class NeedsDialog : WaterfallDialog
{
    public NeedsDialog(string id, JourneyKit kit)
        : base(id)
    {
        AddStep((step, ct) => step.PromptAsync(PromptIds.MultiChoice,
            kit.Ask(step.TurnContext, MessageKeys.NeedsAsk, kit.Content(step.TurnContext).Needs.ToEngineChoices()), ct));
        AddStep(async (step, ct) =>
        {
            var content = kit.Content(step.TurnContext);
            await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.Needs, ct);
            var picked = step.ChoiceIds();
            var needs = picked.Where(id => !content.Need(id).IsNone).ToList();
            await kit.UpdateAsync(step.TurnContext, d => d.Needs = needs, ct);

            // "None of these" already answers "anything else?".
            return picked.Any(id => content.Need(id).IsNone)
                ? await step.NextAsync(cancellationToken: ct)
                : await step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, MessageKeys.NeedsOtherAsk), ct);
        });
        AddStep(async (step, ct) =>
        {
            var text = step.Text();
            var other = kit.IsSkip(step.TurnContext, text) ? null : await kit.CleanAsync(step.TurnContext, text, ct);

            // The words are kept as they were typed (the team reads them in Details) and the need categories they
            // name are added, so "I have no car" also counts as transport. Going through the step again replaces them.
            var found = kit.Content(step.TurnContext).MatchNeeds(other).Where(n => !n.IsNone).Select(n => n.Id).ToList();
            var draft = await kit.UpdateAsync(step.TurnContext, d =>
            {
                d.Needs = d.Needs.Union(found).ToList();
                d.NeedsNote = string.IsNullOrWhiteSpace(other) ? null : other;
            }, ct);

            await step.SendAsync(kit.Say(step.TurnContext, draft.Needs.Count == 0 ? MessageKeys.NeedsNoneAck : MessageKeys.NeedsAck), ct);
            await kit.CompleteSectionAsync(step.TurnContext, JourneySections.Needs, ct);
            return await step.EndDialogAsync(ct);
        });
    }
}
