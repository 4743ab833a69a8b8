using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The forms that take a staff note in a dialog: "Add note" (an internal note) and "Transfer" (the handover note for
/// the other queue). One text box and one Action.Submit, arriving as task/submit; the note stays out of every channel.
/// </summary>
public static class StaffNoteCard
{
    public static JObject AddNote(CaseRecord record, string? problem, StaffText text) =>
        Build(record, problem, text.Get(StaffMessageKeys.FormsNoteTitle, ("reference", record.Reference)), text.Get(StaffMessageKeys.FormsNoteHint),
            text.Get(StaffMessageKeys.FormsNoteLabel), text.Get(StaffMessageKeys.FormsNoteSave), CaseActionPayload.NoteSendVerb, text);

    public static JObject Transfer(CaseRecord record, string? problem, StaffText text)
    {
        var target = QueueNames.Title(StaffCaseChanges.OtherQueue(record.Queue)).ToLowerInvariant();
        return Build(record, problem, text.Get(StaffMessageKeys.FormsTransferTitle, ("reference", record.Reference), ("queueName", target)),
            text.Get(StaffMessageKeys.FormsTransferHint), text.Get(StaffMessageKeys.FormsTransferLabel),
            text.Get(StaffMessageKeys.FormsTransferSend, ("queueName", target)), CaseActionPayload.TransferSendVerb, text);
    }

    private static JObject Build(CaseRecord record, string? problem, string title, string hint, string label, string button, string verb, StaffText text)
    {
        var body = new JArray
        {
            CardTextBlock.Create(title, weight: "Bolder"),
            CardTextBlock.Create(hint, subtle: true),
        };
        if (problem is not null)
        {
            body.Add(CardTextBlock.Create(problem, color: "Attention"));
        }

        body.Add(new JObject
        {
            ["type"] = "Input.Text",
            ["id"] = CaseActionPayload.NoteInputId,
            ["label"] = label,
            ["isMultiline"] = true,
            ["isRequired"] = true,
            ["maxLength"] = StaffCaseChanges.MaxNoteLength,
            ["errorMessage"] = text.Get(StaffMessageKeys.FormsNoteError, ("max", StaffCaseChanges.MaxNoteLength.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        });
        return new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
            ["actions"] = new JArray
            {
                new JObject { ["type"] = "Action.Submit", ["title"] = button, ["data"] = new CaseActionPayload(verb, record.Reference, record.Version, null).ToData() },
            },
        };
    }
}
