using System.Globalization;
using System.Text.Json.Nodes;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Cards;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The forms that take a staff note in a dialog: "Add note" (an internal note) and "Transfer" (the handover note for
/// the other queue). One text box and one Action.Submit, arriving as task/submit; the note stays out of every channel.
/// </summary>
public static class StaffNoteCard
{
    public static JsonObject AddNote(CaseRecord record, string? problem, StaffText text) =>
        Build(record, problem, text.Get(StaffMessageKeys.FormsNoteTitle, ("reference", record.Reference)), text.Get(StaffMessageKeys.FormsNoteHint),
            text.Get(StaffMessageKeys.FormsNoteLabel), text.Get(StaffMessageKeys.FormsNoteSave), CaseActionPayload.NoteSendVerb, text);

    public static JsonObject Transfer(CaseRecord record, string? problem, StaffText text)
    {
        var target = text.QueueInSentence(StaffCaseChanges.OtherQueue(record.Queue));
        return Build(record, problem, text.Get(StaffMessageKeys.FormsTransferTitle, ("reference", record.Reference), ("queueName", target)),
            text.Get(StaffMessageKeys.FormsTransferHint), text.Get(StaffMessageKeys.FormsTransferLabel),
            text.Get(StaffMessageKeys.FormsTransferSend, ("queueName", target)), CaseActionPayload.TransferSendVerb, text);
    }

    private static JsonObject Build(CaseRecord record, string? problem, string title, string hint, string label, string button, string verb, StaffText text) =>
        new AdaptiveCard()
            .Add(CardElements.Text(title, weight: "Bolder"))
            .Add(CardElements.Text(hint, subtle: true))
            .Add(problem is null ? null : CardElements.Text(problem, color: "Attention"))
            .Add(CardElements.TextInput(CaseActionPayload.NoteInputId, label, multiline: true, maxLength: StaffCaseChanges.MaxNoteLength, required: true,
                errorMessage: text.Get(StaffMessageKeys.FormsNoteError, ("max", StaffCaseChanges.MaxNoteLength.ToString(CultureInfo.InvariantCulture)))))
            .Action(CardActions.Submit(button, new CaseActionPayload(verb, record.Reference, record.Version, null).ToData()))
            .ToJson();
}
