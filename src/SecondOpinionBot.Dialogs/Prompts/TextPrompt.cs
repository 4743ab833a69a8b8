namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// Any non-empty answer: typed text or a card's <c>answer</c> input. Choices given to a text prompt are suggestions:
/// shown as suggested actions where the channel has them (a tap sends the words), otherwise left out.
/// </summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override PromptRecognition<string> Recognize(DialogContext dc, PromptOptions options)
        => dc.Input.Answer is { } answer ? PromptRecognition.Success<string>(answer) : PromptRecognition.Failed<string>();

    protected override Microsoft.Bot.Schema.IMessageActivity Render(DialogContext dc, PromptOptions options, string text)
    {
        var activity = dc.TurnContext.Activity;
        if (options.Choices.Count is > 0 and <= Choices.ChannelCapabilities.MaxSuggestedActions && Choices.ChannelCapabilities.SupportsSuggestedActions(activity))
        {
            var actions = options.Choices.Select(c => new Microsoft.Bot.Schema.CardAction(Microsoft.Bot.Schema.ActionTypes.ImBack, c.DisplayTitle, value: c.DisplayTitle));
            return Microsoft.Bot.Builder.MessageFactory.SuggestedActions(actions, text, ssml: null, inputHint: Microsoft.Bot.Schema.InputHints.ExpectingInput);
        }

        return base.Render(dc, options, text);
    }
}
