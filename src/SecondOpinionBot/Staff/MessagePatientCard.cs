using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Staff;

/// <summary>The "Message patient" form in a dialog: one text box and Send (Action.Submit, arriving as task/submit).</summary>
public static class MessagePatientCard
{
    public static JObject Build(CaseRecord record, string? problem)
    {
        var body = new JArray
        {
            new JObject { ["type"] = "TextBlock", ["text"] = $"To the patient of {record.Reference}", ["weight"] = "Bolder", ["wrap"] = true },
            new JObject
            {
                ["type"] = "TextBlock", ["wrap"] = true, ["isSubtle"] = true,
                ["text"] = "They will see it in their chat, starting with your first name. Plain words help. It is kept with the case.",
            },
        };
        if (problem is not null)
        {
            body.Add(new JObject { ["type"] = "TextBlock", ["text"] = problem, ["color"] = "Attention", ["wrap"] = true });
        }

        body.Add(new JObject
        {
            ["type"] = "Input.Text",
            ["id"] = CaseActionPayload.MessageInputId,
            ["label"] = "Message",
            ["isMultiline"] = true,
            ["isRequired"] = true,
            ["maxLength"] = StaffDialogs.MaxMessageLength,
            ["errorMessage"] = $"Write a message of at most {StaffDialogs.MaxMessageLength} characters.",
        });
        return new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
            ["actions"] = new JArray
            {
                new JObject
                {
                    ["type"] = "Action.Submit", ["title"] = "Send",
                    ["data"] = new CaseActionPayload(CaseActionPayload.SendMessageVerb, record.Reference, record.Version, null).ToData(),
                },
            },
        };
    }
}
