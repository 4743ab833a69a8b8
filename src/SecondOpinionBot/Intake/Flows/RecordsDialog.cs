using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>The records checklist: for each record that fits, have it / need help getting it / not applicable.</summary>
public sealed class RecordsDialog : WaterfallDialog<RecordsDialog.Progress>
{
    public RecordsDialog(string id, JourneyKit kit)
        : base(id)
    {
        AddStep(async (step, ct) =>
        {
            var items = await ItemsAsync(kit, step, ct);
            if (step.Options.Index >= items.Count)
            {
                return await step.NextAsync(cancellationToken: ct);
            }

            if (step.Options.Index == 0)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.RecordsIntro), ct);
            }

            var item = items[step.Options.Index];
            return await step.PromptAsync(PromptIds.Choice, kit.Ask(step.TurnContext, MessageKeys.RecordsItemAsk,
                kit.Choices(step.TurnContext, ChoiceSetIds.RecordStatus), values: [("item", item.Item), ("why", item.Why), ("source", item.Source)]), ct);
        });
        AddStep(async (step, ct) =>
        {
            var items = await ItemsAsync(kit, step, ct);
            if (step.Options.Index < items.Count && await step.NotKnownIfGaveUpAsync(kit, IntakeDraftFields.Records, ct, oneOfMany: true))
            {
                // Not understood: this record gets no status (no silent "doesn't apply"); our team asks about it.
                return await step.ReplaceDialogAsync(Id, new Progress { Index = step.Options.Index + 1 }, ct);
            }

            if (step.Options.Index < items.Count)
            {
                var status = step.ChoiceId() switch
                {
                    "have" => RecordStatus.Have,
                    "need-help" => RecordStatus.NeedHelp,
                    _ => RecordStatus.NotApplicable,
                };
                var record = items[step.Options.Index];
                await kit.UpdateAsync(step.TurnContext, d => d.Records[record.Id] = status, ct);
                await step.SendAsync(kit.Say(step.TurnContext, status switch
                {
                    RecordStatus.Have => MessageKeys.RecordsHave,
                    RecordStatus.NeedHelp => MessageKeys.RecordsNeedHelp,
                    _ => MessageKeys.RecordsNotApplicable,
                }), ct);
                return await step.ReplaceDialogAsync(Id, new Progress { Index = step.Options.Index + 1 }, ct);
            }

            var draft = await kit.DraftAsync(step.TurnContext, ct);
            var have = draft.Records.Count(r => r.Value == RecordStatus.Have);
            var needHelp = draft.Records.Count(r => r.Value == RecordStatus.NeedHelp);
            await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.RecordsSummary, ("haveCount", Count(have)), ("needHelpCount", Count(needHelp)))
                + "\n\n" + kit.Say(step.TurnContext, MessageKeys.RecordsTip), ct);
            await kit.CompleteSectionAsync(step.TurnContext, JourneySections.Records, ct);
            return await step.EndDialogAsync(ct);
        });
    }

    /// <summary>The records that fit this user's reasons and situation, in the content's order.</summary>
    private static async Task<IReadOnlyList<RecordItem>> ItemsAsync(JourneyKit kit, WaterfallStepContext<Progress> step, CancellationToken cancellationToken)
    {
        var draft = await kit.DraftAsync(step.TurnContext, cancellationToken);
        return kit.Content(step.TurnContext).RecordsFor(draft.Reasons, draft.Situations);
    }

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public sealed class Progress
    {
        public int Index { get; set; }
    }
}
