using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Text;
using EngineChoice = SecondOpinionBot.Dialogs.Choices.Choice;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>
/// The user's questions for the second-opinion doctor: pick from suggestions that fit their reasons and situation,
/// add their own, then review (remove, reword) and see the numbered final list.
/// </summary>
public sealed class QuestionsDialog : WaterfallDialog
{
    public const string OwnId = "questions-own";
    public const string ReviewId = "questions-review";
    private const string NoneValue = "none";

    public QuestionsDialog(string id, JourneyKit kit)
        : base(id)
    {
        AddStep(async (step, ct) =>
        {
            var draft = await kit.DraftAsync(step.TurnContext, ct);
            var content = kit.Content(step.TurnContext);
            var suggestions = content.QuestionsFor(draft.Reasons, draft.Situations).Where(q => !draft.Questions.Contains(q.Text)).ToList();
            if (suggestions.Count == 0)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.QuestionsNoneSuggested), ct);
                return await step.NextAsync(cancellationToken: ct);
            }

            var choices = suggestions.ToEngineChoices().Append(new EngineChoice(
                NoneValue, content.Messages.Get(MessageKeys.EngineSkipLabel), [.. content.Answers.Skip, .. content.Answers.No])).ToList();
            return await step.PromptAsync(PromptIds.MultiChoice, kit.Ask(step.TurnContext, MessageKeys.QuestionsIntro, choices), ct);
        });
        AddStep(async (step, ct) =>
        {
            var picked = step.ChoiceIds().Where(v => v != NoneValue).ToList();
            if (picked.Count > 0)
            {
                var byId = kit.Content(step.TurnContext).Questions.ToDictionary(q => q.Id, q => q.Text);
                await kit.UpdateAsync(step.TurnContext, d => d.Questions.AddRange(picked.Select(p => byId[p]).Where(t => !d.Questions.Contains(t))), ct);
            }

            return await step.BeginDialogAsync(OwnId, ct);
        });
        AddStep((step, ct) => step.BeginDialogAsync(ReviewId, ct));
        AddStep(async (step, ct) =>
        {
            var draft = await kit.DraftAsync(step.TurnContext, ct);
            await step.SendAsync(draft.Questions.Count == 0
                ? kit.Say(step.TurnContext, MessageKeys.QuestionsEmpty)
                : kit.Say(step.TurnContext, MessageKeys.QuestionsFinal) + "\n\n" + Numbered(kit, step.TurnContext, draft.Questions), ct);
            await kit.CompleteSectionAsync(step.TurnContext, JourneySections.Questions, ct);
            return await step.EndDialogAsync(ct);
        });
    }

    internal static string Numbered(JourneyKit kit, Microsoft.Bot.Builder.ITurnContext turn, IReadOnlyList<string> items) =>
        string.Join("\n", items.Select((text, i) => kit.Say(turn, MessageKeys.TextNumbered,
            ("number", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("text", MarkdownText.Escape(text)))));
}

/// <summary>"Type a question of your own, or say done", as many times as the user likes.</summary>
public sealed class OwnQuestionsDialog : WaterfallDialog<OwnQuestionsDialog.Progress>
{
    public OwnQuestionsDialog(JourneyKit kit)
        : base(QuestionsDialog.OwnId)
    {
        AddStep((step, ct) => step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, step.Options switch
        {
            { TypeIt: true } => MessageKeys.QuestionsOwnTypeIt,
            { Added: true } => MessageKeys.QuestionsAdded,
            _ => MessageKeys.QuestionsOwnAsk,
        }), ct));
        AddStep(async (step, ct) =>
        {
            if (kit.IsSkip(step.TurnContext, step.Text()) || await kit.CleanAsync(step.TurnContext, step.Text(), ct) is not { } question)
            {
                return await step.EndDialogAsync(ct);
            }

            // "Do you want to add a question?" — "yes" is an answer to that, not a question for the doctor.
            if (kit.Content(step.TurnContext).Answers.Match(question) == ShortAnswer.Yes)
            {
                return await step.ReplaceDialogAsync(Id, new Progress { Added = step.Options.Added, TypeIt = true }, ct);
            }

            await kit.UpdateAsync(step.TurnContext, d => d.Questions.Add(question), ct);
            return await step.ReplaceDialogAsync(Id, new Progress { Added = true }, ct);
        });
    }

    public sealed class Progress
    {
        public bool Added { get; set; }

        /// <summary>The user said "yes" to adding one: ask for the words.</summary>
        public bool TypeIt { get; set; }
    }
}

/// <summary>Shows the list and lets the user remove or reword a question by its number, until they say done.</summary>
public sealed class ReviewQuestionsDialog : WaterfallDialog
{
    public ReviewQuestionsDialog(JourneyKit kit)
        : base(QuestionsDialog.ReviewId)
    {
        AddStep(async (step, ct) =>
        {
            var draft = await kit.DraftAsync(step.TurnContext, ct);
            if (draft.Questions.Count == 0)
            {
                return await step.EndDialogAsync(ct);
            }

            await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.QuestionsReview) + "\n\n" + QuestionsDialog.Numbered(kit, step.TurnContext, draft.Questions), ct);
            return await step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, MessageKeys.QuestionsReviewAsk), ct);
        });
        AddStep(async (step, ct) =>
        {
            var draft = await kit.DraftAsync(step.TurnContext, ct);
            var text = step.Text();
            var digits = System.Text.RegularExpressions.Regex.Match(text ?? "", @"\d+");
            if (kit.IsSkip(step.TurnContext, text) || !digits.Success || !int.TryParse(digits.Value, out var number) || number < 1 || number > draft.Questions.Count)
            {
                return await step.EndDialogAsync(ct);
            }

            step.Values.Set("number", number);
            return await step.PromptAsync(PromptIds.Choice, kit.Ask(step.TurnContext, MessageKeys.QuestionsRemoveOrChange,
                kit.Choices(step.TurnContext, ChoiceSetIds.QuestionEdit), values: ("number", Number(number))), ct);
        });
        AddStep(async (step, ct) =>
        {
            var number = step.Values.Get<int>("number");
            if (step.ChoiceId() is null)
            {
                await step.MoveOnIfGaveUpAsync(kit, ct);
                return await step.ReplaceDialogAsync(Id, ct);
            }

            if (step.ChoiceId() == "remove")
            {
                await kit.UpdateAsync(step.TurnContext, d => d.Questions.RemoveAt(number - 1), ct);
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.QuestionsRemoved), ct);
                return await step.ReplaceDialogAsync(Id, ct);
            }

            return await step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, MessageKeys.QuestionsRewordAsk, values: ("number", Number(number))), ct);
        });
        AddStep(async (step, ct) =>
        {
            var number = step.Values.Get<int>("number");
            if (await kit.CleanAsync(step.TurnContext, step.Text(), ct) is { } reworded)
            {
                await kit.UpdateAsync(step.TurnContext, d => d.Questions[number - 1] = reworded, ct);
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.QuestionsReworded), ct);
            }

            return await step.ReplaceDialogAsync(Id, ct);
        });
    }

    private static string Number(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
