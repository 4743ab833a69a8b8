namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>Any non-empty answer: typed text or a card's <c>answer</c> input.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override PromptRecognition<string> Recognize(DialogContext dc, PromptOptions options)
        => dc.Input.Answer is { } answer ? PromptRecognition.Success<string>(answer) : PromptRecognition.Failed<string>();
}
