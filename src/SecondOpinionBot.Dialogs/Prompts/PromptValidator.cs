using Microsoft.Bot.Builder;
using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>Checks a recognised value; return false to ask again. Set <see cref="PromptValidatorContext{T}.RetryMessage"/> to explain why.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> context, CancellationToken cancellationToken);

public sealed class PromptValidatorContext<T>(DialogContext dc, PromptRecognition<T> recognized, PromptOptions options, int attempt)
{
    public ITurnContext TurnContext => dc.TurnContext;

    public TurnLanguage Language => dc.Language;

    public DateTimeOffset UserNow => dc.UserNow;

    public PromptRecognition<T> Recognized { get; } = recognized;

    public PromptOptions Options { get; } = options;

    /// <summary>1 for the first answer.</summary>
    public int Attempt { get; } = attempt;

    /// <summary>Replaces the retry prompt for this failure.</summary>
    public string? RetryMessage { get; set; }
}
