using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Input;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// Sends <see cref="PromptOptions.Card"/> (an Adaptive Card form) and returns its submitted inputs, without the engine's
/// tag, for the flow to read with <c>ResultAs&lt;TForm&gt;()</c>. Typed text is not an answer here unless
/// <paramref name="typed"/> turns it into one (e.g. "one by one" to answer in the chat instead); on channels without
/// cards, ask field by field instead.
/// </summary>
public sealed class CardFormPrompt(string id, PromptValidator<JsonObject>? validator = null, Func<DialogContext, string, JsonObject?>? typed = null)
    : Prompt<JsonObject>(id, validator)
{
    protected override PromptRecognition<JsonObject> Recognize(DialogContext dc, PromptOptions options)
    {
        if (dc.Input is not { Submit: PromptSubmit, Value: { } value })
        {
            return dc.Input.Submit is null && dc.Input.Answer is { } text && typed?.Invoke(dc, text) is { } fromText
                ? PromptRecognition.Success(fromText)
                : PromptRecognition.Failed<JsonObject>();
        }

        var inputs = new JsonObject();
        foreach (var (key, node) in value)
        {
            if (!CardPayload.IsTagKey(key))
            {
                inputs[key] = node?.DeepClone();
            }
        }

        return PromptRecognition.Success(inputs);
    }

    protected override IMessageActivity Render(DialogContext dc, PromptOptions options, string text)
    {
        if (options.Card is not { } template || !ChannelCapabilities.SupportsAdaptiveCards(dc.TurnContext.Activity))
        {
            return MessageFactory.Text(text, inputHint: InputHints.ExpectingInput);
        }

        var card = (JsonObject)template.DeepClone();
        var tag = CardPayload.ForPrompt(dc.Frame.DialogId, dc.Root.Revision, dc.Environment.FlowVersion);
        foreach (var action in (card["actions"] as JsonArray ?? []).OfType<JsonObject>().Where(a => (string?)a["type"] == "Action.Submit"))
        {
            if (action["data"] is not JsonObject data)
            {
                data = [];
                action["data"] = data;
            }

            foreach (var (key, value) in tag)
            {
                data[key] = value?.DeepClone();
            }
        }

        // The text leads in (or says why we ask again); the card holds the fields.
        return MessageFactory.Attachment(ChoiceCard.ToAttachment(card), text, inputHint: InputHints.ExpectingInput);
    }
}
