using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs.Choices;

namespace SecondOpinionBot.Dialogs.Tests.TestSupport;

/// <summary>Reading what the bot sent, the way a channel would show it.</summary>
internal static class Replies
{
    public static JObject Card(IActivity activity)
    {
        var attachment = Assert.Single(((IMessageActivity)activity).Attachments);
        Assert.Equal(ChoiceCard.ContentType, attachment.ContentType);
        return Assert.IsType<JObject>(attachment.Content);
    }

    public static JObject ChoiceSet(IActivity activity)
        => (JObject)Card(activity)["body"]!.First(e => (string?)e["type"] == "Input.ChoiceSet");

    public static JObject SubmitData(IActivity activity)
        => (JObject)Card(activity)["actions"]![0]!["data"]!;

    public static string[] SuggestedTitles(IActivity activity)
        => ((IMessageActivity)activity).SuggestedActions?.Actions.Select(a => a.Title).ToArray() ?? [];
}
