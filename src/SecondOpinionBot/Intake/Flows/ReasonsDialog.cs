using EngineChoice = SecondOpinionBot.Dialogs.Choices.Choice;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>Where the walk through the four reasons is: which reason is next and what was said so far.</summary>
public sealed class ReasonsProgress
{
    public int Index { get; set; }

    public List<string> Chosen { get; set; } = [];

    public bool Unsure { get; set; }
}

/// <summary>
/// The four reasons, one at a time: a plain explanation and "does this sound like you?". "Not sure" lets the bot
/// propose reasons from the earlier answers, saying why (see <see cref="ReasonsWrapUpDialog"/>).
/// </summary>
public sealed class ReasonsDialog : WaterfallDialog<ReasonsProgress>
{
    public const string WrapUpId = "reasons-wrap-up";

    public ReasonsDialog(string id, JourneyKit kit)
        : base(id)
    {
        AddStep(async (step, ct) =>
        {
            var reasons = kit.Content(step.TurnContext).Reasons;
            if (step.Options.Index >= reasons.Count)
            {
                return await step.BeginDialogAsync(WrapUpId, step.Options, ct);
            }

            if (step.Options.Index == 0)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.ReasonsIntro), ct);
            }

            var reason = reasons[step.Options.Index];
            await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.ReasonsShowReason, ("title", reason.Title), ("explanation", reason.Explanation)), ct);
            return await step.PromptAsync(PromptIds.Choice, kit.Ask(
                step.TurnContext, MessageKeys.ReasonsAskFits, YesNoNotSure(kit, step), values: ("question", reason.SoundsLikeYou.Count > 0 ? reason.SoundsLikeYou[0] : "")), ct);
        });
        AddStep(async (step, ct) =>
        {
            var progress = step.Options;
            if (progress.Index >= kit.Content(step.TurnContext).Reasons.Count)
            {
                return await step.EndDialogAsync(ct);
            }

            switch (step.ChoiceId())
            {
                case null when await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.Reasons, ct, oneOfMany: true):
                    // Not understood: neither chosen nor "not sure"; our team asks about it.
                    break;
                case "yes":
                    // No "got it" after each one: the reasons are read back together at the end.
                    progress.Chosen.Add(kit.Content(step.TurnContext).Reasons[progress.Index].Id);
                    break;
                case "no":
                    break;
                default:
                    progress.Unsure = true;
                    break;
            }

            progress.Index++;
            return await step.ReplaceDialogAsync(Id, progress, ct);
        });
    }

    private static IReadOnlyList<EngineChoice> YesNoNotSure(JourneyKit kit, WaterfallStepContext<ReasonsProgress> step)
    {
        var content = kit.Content(step.TurnContext);
        return
        [
            new EngineChoice("yes", content.Messages.Get(MessageKeys.EngineYesLabel), content.Answers.Yes),
            new EngineChoice("no", content.Messages.Get(MessageKeys.EngineNoLabel), content.Answers.No),
            new EngineChoice("not-sure", content.Messages.Get(MessageKeys.EngineNotSureLabel), content.Answers.NotSure),
        ];
    }
}

/// <summary>After the four reasons: propose reasons for "not sure" from the earlier answers, then keep the result.</summary>
public sealed class ReasonsWrapUpDialog : WaterfallDialog<ReasonsProgress>
{
    public ReasonsWrapUpDialog(JourneyKit kit)
        : base(ReasonsDialog.WrapUpId)
    {
        AddStep(async (step, ct) =>
        {
            if (!step.Options.Unsure)
            {
                return await step.NextAsync(cancellationToken: ct);
            }

            var draft = await kit.DraftAsync(step.TurnContext, ct);
            var suggestions = kit.Content(step.TurnContext).SuggestReasons(draft.Situations)
                .Where(s => !step.Options.Chosen.Contains(s.Reason.Id))
                .ToList();
            if (suggestions.Count == 0)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.ReasonsNoSuggestion), ct);
                return await step.NextAsync(cancellationToken: ct);
            }

            var lines = suggestions.Select(s => kit.Say(step.TurnContext, MessageKeys.ReasonsSuggestion, ("title", s.Reason.Title), ("because", s.Because[0])));
            await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.ReasonsNotSureIntro) + "\n\n" + string.Join("\n\n", lines), ct);
            step.Values.Set("suggested", suggestions.Select(s => s.Reason.Id).ToList());
            return await step.PromptAsync(PromptIds.Confirm, kit.AskYesNo(step.TurnContext, MessageKeys.ReasonsSuggestionAsk), ct);
        });
        AddStep(async (step, ct) =>
        {
            var chosen = step.Options.Chosen;
            if (step.YesNo() == true)
            {
                chosen.AddRange(step.Values.Get<List<string>>("suggested") ?? []);
            }

            // Keep the content's order, whatever order they were picked in.
            var content = kit.Content(step.TurnContext);
            var ordered = content.Reasons.Select(r => r.Id).Where(chosen.Contains).ToList();
            await kit.UpdateAsync(step.TurnContext, d => d.Reasons = ordered, ct);
            await step.SendAsync(ordered.Count == 0
                ? kit.Say(step.TurnContext, MessageKeys.ReasonsNoneChosen)
                : kit.Say(step.TurnContext, MessageKeys.ReasonsSummary, ("reasons", string.Join(", ", ordered.Select(id => content.Reason(id).Title)))), ct);
            await kit.CompleteSectionAsync(step.TurnContext, JourneySections.Reasons, ct);
            return await step.EndDialogAsync(ct);
        });
    }
}
