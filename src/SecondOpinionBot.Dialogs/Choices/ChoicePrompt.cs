using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.Prompts;

namespace SecondOpinionBot.Dialogs.Choices;

/// <summary>One of <see cref="PromptOptions.Choices"/>: typed, tapped or picked on a card.</summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    protected override PromptRecognition<FoundChoice> Recognize(DialogContext dc, PromptOptions options)
        => ChoiceRecognizer.RecognizeOne(dc.Input.Answer, options.Choices, dc.Language.RecognizerCulture, dc.Language.Lexicon.Normalizer) is { } found
            ? PromptRecognition.Success<FoundChoice>(found)
            : PromptRecognition.Failed<FoundChoice>();

    protected override IMessageActivity Render(DialogContext dc, PromptOptions options, string text)
        => ChoiceRenderer.Render(dc, text, options.Choices, multiSelect: false, options.Style);
}

/// <summary>Any number of <see cref="PromptOptions.Choices"/>: "1, 3 and pathology", or ticked on a card.</summary>
public sealed class MultiChoicePrompt(string id, PromptValidator<IReadOnlyList<FoundChoice>>? validator = null)
    : Prompt<IReadOnlyList<FoundChoice>>(id, validator)
{
    protected override PromptRecognition<IReadOnlyList<FoundChoice>> Recognize(DialogContext dc, PromptOptions options)
    {
        var found = ChoiceRecognizer.RecognizeMany(dc.Input.Answer, options.Choices, dc.Language.RecognizerCulture, dc.Language.Lexicon);
        return found.Count > 0
            ? PromptRecognition.Success<IReadOnlyList<FoundChoice>>(found)
            : PromptRecognition.Failed<IReadOnlyList<FoundChoice>>();
    }

    protected override IMessageActivity Render(DialogContext dc, PromptOptions options, string text)
        => ChoiceRenderer.Render(dc, text, options.Choices, multiSelect: true, options.Style);
}
