using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>A thread line that @mentions who has the case (a Teams user mention) or, when nobody has it, the channel.</summary>
public static class StaffMentions
{
    public static Activity Line(string line, CaseRecord record, QueueBinding binding, StaffText text)
    {
        var (id, name, type) = record.Status == CaseStatus.Claimed && record.AssigneeUserId is { } user
            ? (user, CardText.FirstName(record.AssigneeName), "person")
            : (binding.ChannelId, text.Queue(record.Queue), "channel");
        return Mentioning(line, id, name, type);
    }

    /// <summary>A thread line that @mentions one person (by Teams user id), e.g. when their personal chat could not be opened.</summary>
    public static Activity Person(string text, string teamsUserId, string name) => Mentioning(text, teamsUserId, CardText.FirstName(name), "person");

    private static Activity Mentioning(string text, string id, string name, string type)
    {
        var mentionText = $"<at>{name}</at>";
        var activity = MessageFactory.Text($"{mentionText} {text}");
        var mention = new Mention { Text = mentionText, Mentioned = new ChannelAccount(id, name) };
        var entity = JObject.FromObject(mention);
        if (type == "channel")
        {
            // Teams' channel mention: the mentioned account is the channel, typed "channel".
            entity["mentioned"]!["type"] = "channel";
        }

        activity.Entities = [entity.ToObject<Entity>()!];
        return activity;
    }
}
