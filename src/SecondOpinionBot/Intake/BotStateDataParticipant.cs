using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Intake;

/// <summary>The user's state (the draft and anything else kept per user) and this conversation's state (the position).</summary>
public sealed class BotStateDataParticipant(IStorage storage) : IPersonalDataParticipant
{
    public string Name => "bot-state";

    public async Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        var stored = await storage.ReadAsync([who.UserStateKey, who.ConversationStateKey], cancellationToken);
        var items = new List<StoredDataItem>();
        if (stored.TryGetValue(who.UserStateKey, out var user) && user is JObject userDocument && HasContent(userDocument))
        {
            var draft = ReadDraft(userDocument[IntakeDraft.StatePropertyName]);
            var fields = draft is null ? [] : CaseDetailsFields.Filled(draft.ToCaseDetails());
            // Once a case is sent its answers are the case's (listed with it); the draft left keeps no answers.
            if (fields.Count > 0 || draft?.CaseReference is null)
            {
                items.Add(new StoredDataItem(StoredDataCategory.Answers, Fields: fields));
            }
        }

        if (stored.TryGetValue(who.ConversationStateKey, out var conversation) && conversation is JObject conversationDocument && HasContent(conversationDocument))
        {
            items.Add(new StoredDataItem(StoredDataCategory.ConversationPosition));
        }

        return items;
    }

    public Task EraseAsync(PatientIdentity who, CancellationToken cancellationToken) =>
        storage.DeleteAsync([who.UserStateKey, who.ConversationStateKey], cancellationToken);

    // The engine's DraftAccessor writes the draft as nested System.Text.Json; the SDK's state bags kept it as JSON text in a string.
    private static IntakeDraft? ReadDraft(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } text => System.Text.Json.JsonSerializer.Deserialize<IntakeDraft>((string)text!, Dialogs.DialogJson.Options),
        JObject json => System.Text.Json.JsonSerializer.Deserialize<IntakeDraft>(json.ToString(Newtonsoft.Json.Formatting.None), Dialogs.DialogJson.Options),
        _ => null,
    };

    private static bool HasContent(JObject document) =>
        document.Properties().Any(p => p.Name != "ETag" && p.Value.Type is not (JTokenType.Null or JTokenType.Undefined));
}
