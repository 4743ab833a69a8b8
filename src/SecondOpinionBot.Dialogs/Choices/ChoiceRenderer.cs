using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.Input;

namespace SecondOpinionBot.Dialogs.Choices;

/// <summary>Shows a question with its choices in the way the channel supports best.</summary>
public static class ChoiceRenderer
{
    public static IMessageActivity Render(DialogContext dc, string text, IReadOnlyList<Choice> choices, bool multiSelect, ListStyle style)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(choices);
        switch (Resolve(dc.TurnContext.Activity, choices.Count, multiSelect, style))
        {
            case ListStyle.SuggestedActions:
                var actions = choices.Select(c => new CardAction(ActionTypes.ImBack, c.DisplayTitle, value: c.DisplayTitle));
                return MessageFactory.SuggestedActions(actions, text, ssml: null, inputHint: InputHints.ExpectingInput);

            case ListStyle.AdaptiveCard:
                var submit = CardPayload.ForPrompt(dc.Frame.DialogId, dc.Root.Revision, dc.Environment.FlowVersion);
                var card = ChoiceCard.Build(text, choices, multiSelect, submit, dc.Language.Lexicon.SubmitLabel);
                return MessageFactory.Attachment(ChoiceCard.ToAttachment(card), inputHint: InputHints.ExpectingInput);

            case ListStyle.NumberedList:
                var lines = choices.Select((c, i) => $"{i + 1}. {c.DisplayTitle}");
                return MessageFactory.Text($"{text}\n\n{string.Join('\n', lines)}", inputHint: InputHints.ExpectingInput);

            default:
                return MessageFactory.Text(text, inputHint: InputHints.ExpectingInput);
        }
    }

    /// <summary>
    /// Auto: suggested actions for a single choice among three or fewer where the channel shows them; otherwise an
    /// Adaptive Card where supported; otherwise a numbered list. A requested style the channel cannot show falls back the same way.
    /// </summary>
    public static ListStyle Resolve(IActivity activity, int count, bool multiSelect, ListStyle requested)
    {
        if (requested is ListStyle.None or ListStyle.NumberedList || count == 0)
        {
            return count == 0 ? ListStyle.None : requested;
        }

        var suggestedFits = !multiSelect && count <= ChannelCapabilities.MaxSuggestedActions && ChannelCapabilities.SupportsSuggestedActions(activity);
        var cardFits = ChannelCapabilities.SupportsAdaptiveCards(activity);
        return requested switch
        {
            ListStyle.SuggestedActions when suggestedFits => ListStyle.SuggestedActions,
            ListStyle.AdaptiveCard when cardFits => ListStyle.AdaptiveCard,
            _ when suggestedFits && requested != ListStyle.AdaptiveCard => ListStyle.SuggestedActions,
            _ when cardFits => ListStyle.AdaptiveCard,
            _ => ListStyle.NumberedList,
        };
    }
}
