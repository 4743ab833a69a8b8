using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Text;
using EngineChoice = SecondOpinionBot.Dialogs.Choices.Choice;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>
/// The user's questions for the second-opinion doctor: pick from at most <see cref="PageSize"/> suggestions, ranked by
/// how well they fit the reasons and situation ("Show more" for the next ones), then add their own or change one by
/// its number. The list is shown once, where it can be changed; the summary shows it again.
/// </summary>
public sealed class QuestionsDialog : WaterfallDialog<QuestionsDialog.Page>
{
    public const string OwnId = "questions-own";
    /// <summary>Suggestions per card: a short list fits a phone screen; "Show more" brings the next ones.</summary>
    public const int PageSize = 6;
    private const string NoneValue = "none";
    private const string MoreValue = "more";

    public QuestionsDialog(string id, JourneyKit kit)
        : base(id)
    {
        AddStep(async (step, ct) =>
        {
            var draft = await kit.DraftAsync(step.TurnContext, ct);
            var content = kit.Content(step.TurnContext);
            var ranked = content.RankedQuestionsFor(draft.Reasons, draft.Situations).Where(q => !draft.Questions.Contains(q.Text)).ToList();
            var page = ranked.Skip(step.Options.Skip).Take(PageSize).ToList();
            if (page.Count == 0)
            {
                if (step.Options.Skip == 0)
                {
                    await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.QuestionsNoneSuggested), ct);
                }

                return await step.NextAsync(cancellationToken: ct);
            }

            var choices = page.ToEngineChoices().ToList();
            if (ranked.Count > step.Options.Skip + PageSize)
            {
                choices.Add(new EngineChoice(MoreValue, content.Messages.Get(MessageKeys.QuestionsShowMore)));
            }

            choices.Add(new EngineChoice(NoneValue, content.Messages.Get(MessageKeys.QuestionsNoneOfThese), [.. content.Answers.Skip, .. content.Answers.No]));
            return await step.PromptAsync(PromptIds.MultiChoice, kit.Ask(step.TurnContext, step.Options.Skip == 0 ? MessageKeys.QuestionsIntro : MessageKeys.QuestionsMoreIntro, choices), ct);
        });
        AddStep(async (step, ct) =>
        {
            var ids = step.ChoiceIds();
            var picked = ids.Where(v => v is not (NoneValue or MoreValue)).ToList();
            if (picked.Count > 0)
            {
                var byId = kit.Content(step.TurnContext).Questions.ToDictionary(q => q.Id, q => q.Text);
                await kit.UpdateAsync(step.TurnContext, d => d.Questions.AddRange(picked.Select(p => byId[p]).Where(t => !d.Questions.Contains(t))), ct);
            }

            if (ids.Contains(MoreValue))
            {
                // The ones just picked are on the list now, so the next page starts where this one ended.
                return await step.ReplaceDialogAsync(Id, new Page { Skip = step.Options.Skip + PageSize - picked.Count }, ct);
            }

            return await step.BeginDialogAsync(OwnId, ct);
        });
        AddStep(async (step, ct) =>
        {
            await kit.CompleteSectionAsync(step.TurnContext, JourneySections.Questions, ct);
            return await step.EndDialogAsync(ct);
        });
    }

    internal static string Numbered(JourneyKit kit, Microsoft.Bot.Builder.ITurnContext turn, IReadOnlyList<string> items) =>
        string.Join("\n", items.Select((text, i) => kit.Say(turn, MessageKeys.TextNumbered,
            ("number", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("text", MarkdownText.Escape(text)))));

    /// <summary>Which suggestions to show: those after the first <see cref="Skip"/>.</summary>
    public sealed class Page
    {
        public int Skip { get; set; }
    }
}

/// <summary>
/// The list so far, once, with "type a question of your own, a number to change one, or say done", as many times as
/// the user likes. A number asks "remove or change the words?".
/// </summary>
public sealed class OwnQuestionsDialog : WaterfallDialog<OwnQuestionsDialog.Progress>
{
    public OwnQuestionsDialog(JourneyKit kit)
        : base(QuestionsDialog.OwnId)
    {
        AddStep(async (step, ct) =>
        {
            var draft = await kit.DraftAsync(step.TurnContext, ct);
            var ask = step.Options switch
            {
                { TypeIt: true } => MessageKeys.QuestionsOwnTypeIt,
                _ when draft.Questions.Count == 0 => MessageKeys.QuestionsOwnAsk,
                { Added: true } => MessageKeys.QuestionsAdded,
                _ => MessageKeys.QuestionsOwnOrChange,
            };
            var options = kit.Ask(step.TurnContext, ask);
            if (draft.Questions.Count > 0 && step.Options is { TypeIt: false })
            {
                options = options with { Prompt = kit.Say(step.TurnContext, MessageKeys.QuestionsReview) + "\n\n" + QuestionsDialog.Numbered(kit, step.TurnContext, draft.Questions) + "\n\n" + options.Prompt };
            }

            return await step.PromptAsync(PromptIds.Text, options, ct);
        });
        AddStep(async (step, ct) =>
        {
            var draft = await kit.DraftAsync(step.TurnContext, ct);
            var text = step.Text();
            if (kit.IsSkip(step.TurnContext, text) || await kit.CleanAsync(step.TurnContext, text, ct) is not { } question)
            {
                return await step.EndDialogAsync(ct);
            }

            // "Do you want to add a question?" — "yes" is an answer to that, not a question for the doctor.
            if (kit.Content(step.TurnContext).Answers.Match(question) == ShortAnswer.Yes)
            {
                return await step.ReplaceDialogAsync(Id, new Progress { Added = step.Options.Added, TypeIt = true }, ct);
            }

            // A number on its own ("2", "number 2") picks a question on the list to remove or reword.
            var number = System.Text.RegularExpressions.Regex.Match(question, @"^\D{0,10}?(\d{1,2})\W*$");
            if (number.Success && int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= 1 && n <= draft.Questions.Count)
            {
                step.Values.Set("number", n);
                return await step.PromptAsync(PromptIds.Choice, kit.Ask(step.TurnContext, MessageKeys.QuestionsRemoveOrChange,
                    kit.Choices(step.TurnContext, ChoiceSetIds.QuestionEdit), values: ("number", Number(n))), ct);
            }

            await kit.UpdateAsync(step.TurnContext, d => d.Questions.Add(question), ct);
            return await step.ReplaceDialogAsync(Id, new Progress { Added = true }, ct);
        });
        AddStep(async (step, ct) =>
        {
            var number = step.Values.Get<int>("number");
            switch (step.ChoiceId())
            {
                case null:
                    await step.MoveOnIfGaveUpAsync(kit, ct);
                    return await step.ReplaceDialogAsync(Id, new Progress(), ct);
                case "remove":
                    await kit.UpdateAsync(step.TurnContext, d => d.Questions.RemoveAt(number - 1), ct);
                    await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.QuestionsRemoved), ct);
                    return await step.ReplaceDialogAsync(Id, new Progress(), ct);
                default:
                    return await step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, MessageKeys.QuestionsRewordAsk, values: ("number", Number(number))), ct);
            }
        });
        AddStep(async (step, ct) =>
        {
            var number = step.Values.Get<int>("number");
            if (await kit.CleanAsync(step.TurnContext, step.Text(), ct) is { } reworded)
            {
                await kit.UpdateAsync(step.TurnContext, d => d.Questions[number - 1] = reworded, ct);
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.QuestionsReworded), ct);
            }

            return await step.ReplaceDialogAsync(Id, new Progress(), ct);
        });
    }

    private static string Number(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public sealed class Progress
    {
        public bool Added { get; set; }

        /// <summary>The user said "yes" to adding one: ask for the words.</summary>
        public bool TypeIt { get; set; }
    }
}
