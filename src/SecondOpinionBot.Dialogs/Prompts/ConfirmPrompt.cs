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

        var normalizer = lexicon.Normalizer;
        var text = PhraseMatcher.Normalize(answer, normalizer);
        if (text is ConfirmPrompt.YesValue)
        {
            return true;
        }

        if (text is ConfirmPrompt.NoValue)
        {
            return false;
        }

        // A phrase inside a longer match does not count ("sure" in "not sure"); what remains must agree.
        var matches = Matches(text, lexicon.Yes, true, normalizer)
            .Concat(Matches(text, lexicon.No, false, normalizer))
            .Concat(Matches(text, lexicon.Unsure, null, normalizer))
            .ToList();
        var labels = matches
            .Where(m => !matches.Any(other => other.Phrase.Length > m.Phrase.Length && PhraseMatcher.ContainsNormalized(other.Phrase, PhraseMatcher.NormalizePhrase(m.Phrase))))
            .Select(m => m.Label)
            .Distinct()
            .ToList();
        return labels.Count == 1 ? labels[0] : null;
    }

    private static IEnumerable<(string Phrase, bool? Label)> Matches(string text, IEnumerable<string> phrases, bool? label, TextNormalizer normalizer)
        => phrases.Where(p => PhraseMatcher.ContainsContentPhrase(text, p, normalizer)).Select(p => (PhraseMatcher.NormalizePhrase(p, normalizer), label));

    /// <summary>Yes, no or not sure said as a whole phrase ("yes?", "not sure"), nothing more: for question-shaped input.</summary>
    public static bool IsExact(string? answer, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var text = answer is null ? "" : PhraseMatcher.Normalize(answer, lexicon.Normalizer);
        return text.Length > 0 && lexicon.Yes.Concat(lexicon.No).Concat(lexicon.Unsure).Append(ConfirmPrompt.YesValue).Append(ConfirmPrompt.NoValue)
            .Any(p => PhraseMatcher.NormalizePhrase(p, lexicon.Normalizer) == text);
    }

    public static IReadOnlyList<Choice> Choices(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return [new Choice(ConfirmPrompt.YesValue, lexicon.YesLabel), new Choice(ConfirmPrompt.NoValue, lexicon.NoLabel)];
    }
}
