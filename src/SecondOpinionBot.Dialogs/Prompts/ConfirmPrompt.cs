using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>Yes or no, in the user's words ("yeah", "sure", "nope", "not really"), from the lexicon's word lists.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    public const string YesValue = "yes";
    public const string NoValue = "no";

    protected override PromptRecognition<bool> Recognize(DialogContext dc, PromptOptions options)
        => YesNo.Recognize(dc.Input.Answer, dc.Language.Lexicon) is { } yes
            ? PromptRecognition.Success<bool>(yes)
            : PromptRecognition.Failed<bool>();

    protected override IMessageActivity Render(DialogContext dc, PromptOptions options, string text)
        => ChoiceRenderer.Render(dc, text, YesNo.Choices(dc.Language.Lexicon), multiSelect: false, options.Style);
}

/// <summary>Yes/no recognition shared by the confirm prompt and read-backs.</summary>
public static class YesNo
{
    /// <summary>True for yes, false for no, null when unclear (both, neither, or "not sure").</summary>
    public static bool? Recognize(string? answer, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        if (answer is null)
        {
            return null;
        }

        var text = PhraseMatcher.Normalize(answer);
        if (text is ConfirmPrompt.YesValue)
        {
            return true;
        }

        if (text is ConfirmPrompt.NoValue)
        {
            return false;
        }

        // The longest phrase wins, so "not really" (no) beats "really" and "not sure" (unsure) beats "sure".
        var candidates = new[]
        {
            (Label: (bool?)true, Phrase: PhraseMatcher.LongestMatch(text, lexicon.Yes)),
            (Label: (bool?)false, Phrase: PhraseMatcher.LongestMatch(text, lexicon.No)),
            (Label: (bool?)null, Phrase: PhraseMatcher.LongestMatch(text, lexicon.Unsure)),
        }.Where(c => c.Phrase is not null).OrderByDescending(c => PhraseMatcher.Normalize(c.Phrase!).Length).ToList();

        if (candidates.Count == 0)
        {
            return null;
        }

        var longest = PhraseMatcher.Normalize(candidates[0].Phrase!).Length;
        var tied = candidates.Where(c => PhraseMatcher.Normalize(c.Phrase!).Length == longest).Select(c => c.Label).Distinct().ToList();
        return tied.Count == 1 ? tied[0] : null;
    }

    public static IReadOnlyList<Choice> Choices(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return [new Choice(ConfirmPrompt.YesValue, lexicon.YesLabel), new Choice(ConfirmPrompt.NoValue, lexicon.NoLabel)];
    }
}
