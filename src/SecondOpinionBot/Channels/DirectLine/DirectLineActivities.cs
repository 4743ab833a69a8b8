using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// Builds the activities the endpoint stores and hands to the bot. The server decides who is speaking: identity and
/// addressing fields of anything a client posts are overwritten, never trusted.
/// </summary>
public sealed class DirectLineActivities(IOptions<DirectLineOptions> options, DirectLineServiceUrl serviceUrl, TimeProvider time)
{
    public ChannelAccount Bot => new(options.Value.BotId, options.Value.BotName, RoleTypes.Bot);

    public static ChannelAccount User(string userId) => new(userId, name: null, RoleTypes.User);

    /// <summary>A user's posted activity, as stored and echoed, and as the bot receives it.</summary>
    public Activity FromUser(Activity posted, string userId, string conversationId, long sequence)
    {
        posted.Id = DirectLineIds.ActivityId(conversationId, sequence);
        posted.From = User(userId);
        posted.Recipient = Bot;
        posted.Conversation = new ConversationAccount(id: conversationId);
        posted.ChannelId = Microsoft.Bot.Connector.Channels.Directline;
        posted.ServiceUrl = serviceUrl.Value;
        posted.Timestamp = time.GetUtcNow();
        posted.CallerId = null;
        return posted;
    }

    /// <summary>What Azure's Direct Line sends a bot when a conversation starts, so the bot can greet.</summary>
    /// <param name="locale">The user's language when known (the browser's), so the greeting is in it.</param>
    public Activity ConversationStarted(string userId, string conversationId, string? locale = null)
    {
        var user = User(userId);
        return new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = Guid.NewGuid().ToString("N"),
            From = user,
            Recipient = Bot,
            Conversation = new ConversationAccount(id: conversationId),
            ChannelId = Microsoft.Bot.Connector.Channels.Directline,
            ServiceUrl = serviceUrl.Value,
            Timestamp = time.GetUtcNow(),
            MembersAdded = [Bot, user],
            Locale = locale,
        };
    }

    /// <summary>A bot activity arriving on the connector route, as stored for the client.</summary>
    public Activity FromBot(Activity sent, string conversationId, long sequence, string? replyToId)
    {
        sent.Id = DirectLineIds.ActivityId(conversationId, sequence);
        sent.From = new ChannelAccount(sent.From?.Id ?? options.Value.BotId, sent.From?.Name ?? options.Value.BotName, RoleTypes.Bot);
        sent.Conversation = new ConversationAccount(id: conversationId);
        sent.ChannelId = Microsoft.Bot.Connector.Channels.Directline;
        sent.ServiceUrl = null;
        sent.Timestamp = time.GetUtcNow();
        sent.ReplyToId = string.IsNullOrEmpty(sent.ReplyToId) ? replyToId : sent.ReplyToId;
        return sent;
    }
}
