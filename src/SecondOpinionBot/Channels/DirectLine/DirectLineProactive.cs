using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// Messages to a web chat conversation outside a turn (e.g. an update from care staff). They are stored in the
/// transcript, so a patient who is away sees them on return. Use this instead of the adapter's own
/// ContinueConversationAsync for conversations of the local Direct Line endpoint: only this identity may post to it.
/// </summary>
public sealed class DirectLineProactive(CloudAdapter adapter, DirectLineServiceUrl serviceUrl, DirectLineActivities activities, IDirectLineStore store)
{
    /// <summary>Whether a stored conversation reference belongs to the local Direct Line endpoint (any port: it may have changed since).</summary>
    public static bool Handles(ConversationReference reference)
        => Uri.TryCreate(reference.ServiceUrl, UriKind.Absolute, out var uri)
           && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var host) && IPAddress.IsLoopback(host)
           && uri.AbsolutePath.StartsWith(DirectLineServiceUrl.ConnectorPath, StringComparison.Ordinal);

    /// <summary>Runs <paramref name="callback"/> in the conversation; false when the conversation no longer exists.</summary>
    public async Task<bool> ContinueAsync(string conversationId, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var conversation = await store.FindConversationAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return false;
        }

        var reference = new ConversationReference
        {
            ChannelId = Microsoft.Bot.Connector.Channels.Directline,
            ServiceUrl = serviceUrl.Value,
            Conversation = new ConversationAccount(id: conversation.Id),
            Bot = activities.Bot,
            User = DirectLineActivities.User(conversation.UserId),
        };
        await adapter.ContinueConversationAsync(DirectLineIdentity.Create(), reference.GetContinuationActivity(), callback, cancellationToken);
        return true;
    }
}
