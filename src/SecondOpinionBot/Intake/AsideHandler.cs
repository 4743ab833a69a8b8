using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Intake.Flows;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.Intake;

/// <summary>
/// A question or a worry said at a choice, yes/no or date question that is not an answer to it: never taken as the
/// answer nor counted as a wrong one. It is kept on the case for our team ("I've added it to the questions for our
/// team") and the same question comes back. At a free-text question it is the answer ("is it cancer?" is a worry).
/// </summary>
public sealed class AsideHandler(JourneyKit kit)
{
    private static readonly HashSet<string> AnswerPrompts = new(StringComparer.Ordinal)
    {
        PromptIds.Choice, PromptIds.MultiChoice, PromptIds.Confirm, PromptIds.Date, PromptIds.DateOrNone, PromptIds.RecordsCard,
    };

    public async Task<InterruptionOutcome> HandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var dc = context.Dialogs;
        var leaf = dc.ActiveLeaf;
        var question = context.Interruption.Detail == AsideRecognizer.Question;
        if (leaf is null || !AnswerPrompts.Contains(leaf.DialogId) || await dc.QuestionAsync(leaf, cancellationToken) is not { } options
            || (leaf.DialogId == PromptIds.DateOrNone && !question) // "the surgery isn't booked yet" answers "is there a date?"
            || IsAnswer(dc, leaf.DialogId, options, question))
        {
            return InterruptionOutcome.ContinueDialog;
        }

        var turn = context.TurnContext;
        var draft = await kit.DraftAsync(turn, cancellationToken);
        if (draft.ConsentToStore != true)
        {
            await turn.SendActivityAsync(kit.Say(turn, MessageKeys.QuestionsCantAnswer), cancellationToken: cancellationToken);
            return InterruptionOutcome.Reprompt;
        }

        if (await kit.CleanAsync(turn, dc.Input.Answer, cancellationToken) is { } words)
        {
            await kit.UpdateAsync(turn, d => d.TeamQuestions.Add(words), cancellationToken);
        }

        await turn.SendActivityAsync(kit.Say(turn, context.Interruption.Detail == AsideRecognizer.Question
            ? MessageKeys.QuestionsForTeam : MessageKeys.QuestionsNotedForTeam), cancellationToken: cancellationToken);
        return InterruptionOutcome.Reprompt;
    }

    /// <summary>
    /// Whether the prompt would take this as its answer. A question must be a choice word for word ("biopsy?");
    /// a worry may be any answer the prompt understands ("I have the pathology report" at a record).
    /// </summary>
    private bool IsAnswer(DialogContext dc, string promptId, PromptOptions options, bool question)
    {
        var answer = dc.Input.Answer;
        var language = dc.Language;
        var normalizer = language.Lexicon.Normalizer;
        return promptId switch
        {
            PromptIds.Confirm => question ? YesNo.IsExact(answer, language.Lexicon) : YesNo.Recognize(answer, language.Lexicon) is not null,
            PromptIds.RecordsCard => false, // the card's answer comes as a submit, never as typed words
            PromptIds.Date => answer is not null && DateTimeResolver.Resolve(answer, language.RecognizerCulture, dc.UserNow, null, options.PreferPastDates).Count > 0,
            PromptIds.DateOrNone => answer is not null && (kit.Content(dc.TurnContext).Answers.Match(answer) is ShortAnswer.No or ShortAnswer.Skip or ShortAnswer.NotSure or ShortAnswer.Done
                || DateTimeResolver.Resolve(answer, language.RecognizerCulture, dc.UserNow, null, options.PreferPastDates).Count > 0),
            _ when question => ChoiceRecognizer.RecognizeExact(answer, options.Choices, language.RecognizerCulture, normalizer) is not null,
            PromptIds.MultiChoice => ChoiceRecognizer.RecognizeMany(answer, options.Choices, language.RecognizerCulture, language.Lexicon).Count > 0,
            _ => ChoiceRecognizer.RecognizeOne(answer, options.Choices, language.RecognizerCulture, normalizer) is not null,
        };
    }
}
