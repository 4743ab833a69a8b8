using System.Globalization;
using System.Text.Json.Nodes;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Cards;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Staff;

/// <summary>The "Message patient" form in a dialog: one text box and Send (Action.Submit, arriving as task/submit).</summary>
public static class MessagePatientCard
{
    public static JsonObject Build(CaseRecord record, string? problem, StaffText text)
    {
        var max = StaffDialogs.MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        return new AdaptiveCard()
            .Add(CardElements.Text(text.Get(StaffMessageKeys.MessageFormTitle, ("reference", record.Reference)), weight: "Bolder"))
            .Add(CardElements.Text(text.Get(StaffMessageKeys.MessageFormHint), subtle: true))
            .Add(problem is null ? null : CardElements.Text(problem, color: "Attention"))
            .Add(CardElements.TextInput(CaseActionPayload.MessageInputId, text.Get(StaffMessageKeys.MessageFormLabel), multiline: true,
                maxLength: StaffDialogs.MaxMessageLength, required: true, errorMessage: text.Get(StaffMessageKeys.MessageFormError, ("max", max))))
            .Action(CardActions.Submit(text.Get(StaffMessageKeys.MessageFormSend), new CaseActionPayload(CaseActionPayload.SendMessageVerb, record.Reference, record.Version, null).ToData()))
            .ToJson();
    }
}
