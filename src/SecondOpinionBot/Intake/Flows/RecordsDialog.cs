using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>
/// The records checklist: for each record that fits, have it / need help getting it / not applicable. Where the
/// channel shows cards, all of them on one card (<see cref="RecordsChecklistCard"/>); elsewhere one numbered record
/// per question.
/// </summary>
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

            if (step.Options is { Index: 0, OneByOne: false } && Dialogs.Choices.ChannelCapabilities.SupportsAdaptiveCards(step.TurnContext.Activity))
            {
                step.Values.Set(CardShownKey, true);
                return await step.PromptAsync(PromptIds.RecordsCard, await CardPromptAsync(kit, step.TurnContext, ct), ct);
            }

            if (step.Options.Index == 0)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.RecordsIntro), ct);
            }

            var item = items[step.Options.Index];
            return await step.PromptAsync(PromptIds.Choice, kit.Ask(step.TurnContext, MessageKeys.RecordsItemAsk,
                kit.Choices(step.TurnContext, ChoiceSetIds.RecordStatus), values: [
                    ("number", (step.Options.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("count", items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("item", item.Item), ("why", item.Why), ("source", item.Source)]), ct);
        });
        AddStep(async (step, ct) =>
        {
            var items = await ItemsAsync(kit, step, ct);
            if (step.Result is System.Text.Json.Nodes.JsonObject chose && chose.ContainsKey(OneByOneKey))
            {
                // Typed "one by one" at the card: the same records, one numbered question each.
                return await step.ReplaceDialogAsync(Id, new Progress { OneByOne = true }, ct);
            }

            if (step.Values.Get<bool>(CardShownKey))
            {
                return await FromCardAsync(kit, step, step.GaveUp ? null : step.ResultAs<System.Text.Json.Nodes.JsonObject>(), items, ct);
            }

            if (step.Options.Index < items.Count && await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.Records, ct, oneOfMany: true))
            {
                // Not understood: this record gets no status (no silent "doesn't apply"); our team asks about it.
                return await step.ReplaceDialogAsync(Id, new Progress { Index = step.Options.Index + 1, OneByOne = step.Options.OneByOne }, ct);
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
                await kit.UpdateAsync(step.TurnContext, d => { d.Records[record.Id] = status; ApplyAfterHelp(kit.Content(step.TurnContext), d.Records); }, ct);
                await step.SendAsync(kit.Say(step.TurnContext, status switch
                {
                    RecordStatus.Have => MessageKeys.RecordsHave,
                    RecordStatus.NeedHelp => MessageKeys.RecordsNeedHelp,
                    _ => MessageKeys.RecordsNotApplicable,
                }), ct);
                return await step.ReplaceDialogAsync(Id, new Progress { Index = step.Options.Index + 1, OneByOne = step.Options.OneByOne }, ct);
            }

            var draft = await kit.DraftAsync(step.TurnContext, ct);
            var (have, needHelp) = Counts(kit.Content(step.TurnContext), draft);
            await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.RecordsSummary, ("haveCount", Count(have)), ("needHelpCount", Count(needHelp)))
                + "\n\n" + kit.Say(step.TurnContext, MessageKeys.RecordsTip), ct);
            await kit.CompleteSectionAsync(step.TurnContext, JourneySections.Records, ct);
            return await step.EndDialogAsync(ct);
        });
    }

    private const string CardShownKey = "card";
    private const string OneByOneKey = "oneByOne";

    /// <summary>At the records card, typed "one by one" (choices.yaml `records-mode`) asks about each record in the chat.</summary>
    public static Func<DialogContext, string, System.Text.Json.Nodes.JsonObject?> OneByOneFromText(JourneyKit kit) => (dc, text) =>
        Dialogs.Choices.ChoiceRecognizer.RecognizeOne(text, kit.Choices(dc.TurnContext, ChoiceSetIds.RecordsMode), dc.Language.RecognizerCulture, dc.Language.Lexicon.Normalizer) is { Value: "one-by-one" }
            ? new System.Text.Json.Nodes.JsonObject { [OneByOneKey] = true }
            : null;

    /// <summary>
    /// The checklist card of every record that fits, each with what the patient marked so far, in the turn's language:
    /// asked here, and built again by <see cref="JourneyPromptRewording"/> when the patient switches language at it.
    /// </summary>
    internal static async Task<Dialogs.Prompts.PromptOptions> CardPromptAsync(JourneyKit kit, Microsoft.Bot.Builder.ITurnContext turn, CancellationToken cancellationToken)
    {
        var draft = await kit.DraftAsync(turn, cancellationToken);
        var items = kit.Content(turn).RecordsFor(draft.Reasons, draft.Situations);
        var wording = new Cards.RecordsChecklistCard.Wording(kit.Say(turn, MessageKeys.RecordsCardWhy), kit.Say(turn, MessageKeys.RecordsCardSave));
        // Short labels on the card: three per row, on a phone.
        (string, string)[] statuses =
        [
            (Cards.RecordsChecklistCard.StatusId(RecordStatus.Have), kit.Say(turn, MessageKeys.RecordsCardHave)),
            (Cards.RecordsChecklistCard.StatusId(RecordStatus.NeedHelp), kit.Say(turn, MessageKeys.RecordsCardNeedHelp)),
            (Cards.RecordsChecklistCard.StatusId(RecordStatus.NotApplicable), kit.Say(turn, MessageKeys.RecordsCardNotApplicable)),
        ];
        return new Dialogs.Prompts.PromptOptions
        {
            Prompt = kit.Say(turn, MessageKeys.RecordsCardAsk),
            RetryPrompt = kit.Say(turn, MessageKeys.RecordsCardRetry),
            Card = Cards.RecordsChecklistCard.Build(items, draft.Records, statuses, wording,
                record => kit.Say(turn, MessageKeys.RecordsCardWhyText, ("why", record.Why), ("source", record.Source))),
        };
    }

    /// <summary>The card came back (or could not be understood): keep what was marked, say what that means.</summary>
    private static async Task<TurnResult> FromCardAsync(JourneyKit kit, WaterfallStepContext<Progress> step, System.Text.Json.Nodes.JsonObject? form, IReadOnlyList<RecordItem> items, CancellationToken cancellationToken)
    {
        var turn = step.TurnContext;
        if (form is null)
        {
            await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.Records, cancellationToken);
        }
        else
        {
            var marked = Cards.RecordsChecklistCard.Read(form, items);
            await kit.UpdateAsync(turn, d =>
            {
                foreach (var (record, status) in marked)
                {
                    d.Records[record] = status;
                }

                ApplyAfterHelp(kit.Content(turn), d.Records);

                d.NotKnown.Remove(CaseDetailsFields.Records);
            }, cancellationToken);
        }

        var draft = await kit.DraftAsync(turn, cancellationToken);
        var (have, needHelp) = Counts(kit.Content(turn), draft);
        // The tip on gathering copies is on the prep sheet, with the records.
        await step.SendAsync(kit.Say(turn, MessageKeys.RecordsSummary, ("haveCount", Count(have)), ("needHelpCount", Count(needHelp))), cancellationToken);
        await kit.CompleteSectionAsync(turn, JourneySections.Records, cancellationToken);
        return await step.EndDialogAsync(cancellationToken);
    }

    /// <summary>The records that fit this user's reasons and situation, in the content's order.</summary>
    private static async Task<IReadOnlyList<RecordItem>> ItemsAsync(JourneyKit kit, WaterfallStepContext<Progress> step, CancellationToken cancellationToken)
    {
        var draft = await kit.DraftAsync(step.TurnContext, cancellationToken);
        return kit.Content(step.TurnContext).RecordsFor(draft.Reasons, draft.Situations);
    }

    /// <summary>
    /// Records given "need help" as soon as any other record has it (content `afterHelp: true`: the signed release our
    /// team needs to ask for records), removed again when none has.
    /// </summary>
    internal static void ApplyAfterHelp(ContentCatalog content, Dictionary<string, RecordStatus> records)
    {
        var afterHelp = content.Records.Where(r => r.AfterHelp).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var needsHelp = records.Any(r => !afterHelp.Contains(r.Key) && r.Value == RecordStatus.NeedHelp);
        foreach (var id in afterHelp)
        {
            if (needsHelp)
            {
                records[id] = RecordStatus.NeedHelp;
            }
            else
            {
                records.Remove(id);
            }
        }
    }

    /// <summary>What the person marked, leaving out what was added for them.</summary>
    private static (int Have, int NeedHelp) Counts(ContentCatalog content, IntakeDraft draft)
    {
        var asked = draft.Records.Where(r => !content.Records.Any(c => c.Id == r.Key && c.AfterHelp)).ToList();
        return (asked.Count(r => r.Value == RecordStatus.Have), asked.Count(r => r.Value == RecordStatus.NeedHelp));
    }

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public sealed class Progress
    {
        public int Index { get; set; }

        /// <summary>One record per question, also where the channel shows cards (the user asked for it).</summary>
        public bool OneByOne { get; set; }
    }
}
