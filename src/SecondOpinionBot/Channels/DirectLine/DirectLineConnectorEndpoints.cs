using System.Net;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// The Bot Connector routes the bot's own connector client posts replies to (serviceUrl of local Direct Line turns).
/// Only this process may call them: loopback callers presenting the per-process key, for conversations that exist.
/// </summary>
public static class DirectLineConnectorEndpoints
{
    private const long MaxActivityBytes = 1024 * 1024;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/v3/conversations/{conversationId}/activities", SendToConversationAsync);
        group.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", ReplyToActivityAsync);
        group.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", UpdateActivityAsync);
    }

    private static Task<IResult> SendToConversationAsync(
        string conversationId, HttpContext context, DirectLineConnectorKey key, IDirectLineStore store, DirectLineActivities activities, CancellationToken cancellationToken)
        => AppendAsync(conversationId, replyToId: null, context, key, store, activities, cancellationToken);

    private static Task<IResult> ReplyToActivityAsync(
        string conversationId, string activityId, HttpContext context, DirectLineConnectorKey key, IDirectLineStore store, DirectLineActivities activities, CancellationToken cancellationToken)
        => AppendAsync(conversationId, activityId, context, key, store, activities, cancellationToken);

    private static async Task<IResult> AppendAsync(
        string conversationId, string? replyToId, HttpContext context, DirectLineConnectorKey key, IDirectLineStore store, DirectLineActivities activities, CancellationToken cancellationToken)
    {
        var (sent, failure) = await ReadFromBotAsync(context, conversationId, key, store, cancellationToken);
        if (sent is null)
        {
            return failure!;
        }

        string? id = null;
        await store.AppendActivityAsync(conversationId, sequence =>
        {
            var stored = activities.FromBot(sent, conversationId, sequence, replyToId);
            id = stored.Id;
            return (stored.Id, DirectLineJson.Serialize(stored));
        }, cancellationToken);
        return DirectLineJson.Ok(new ResourceResponse(id));
    }

    private static async Task<IResult> UpdateActivityAsync(
        string conversationId, string activityId, HttpContext context, DirectLineConnectorKey key, IDirectLineStore store, CancellationToken cancellationToken)
    {
        var (sent, failure) = await ReadFromBotAsync(context, conversationId, key, store, cancellationToken);
        if (sent is null)
        {
            return failure!;
        }

        sent.Id = activityId;
        sent.Conversation = new ConversationAccount(id: conversationId);
        sent.ServiceUrl = null;
        return await store.ReplaceActivityAsync(conversationId, activityId, DirectLineJson.Serialize(sent), cancellationToken)
            ? DirectLineJson.Ok(new ResourceResponse(activityId))
            : DirectLineJson.Error(StatusCodes.Status404NotFound, "BadArgument", "Activity not found.");
    }

    /// <summary>The activity the bot posted, or why it is refused: not this process, no such conversation, or no activity.</summary>
    private static async Task<(Activity? Sent, IResult? Failure)> ReadFromBotAsync(
        HttpContext context, string conversationId, DirectLineConnectorKey key, IDirectLineStore store, CancellationToken cancellationToken)
    {
        if (await CheckCallerAsync(context, conversationId, key, store, cancellationToken) is { } failure)
        {
            return (null, failure);
        }

        var sent = await DirectLineJson.ReadActivityAsync(context.Request, MaxActivityBytes, cancellationToken);
        return sent is null
            ? (null, DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "Expected one activity."))
            : (sent, null);
    }

    private static async Task<IResult?> CheckCallerAsync(
        HttpContext context, string conversationId, DirectLineConnectorKey key, IDirectLineStore store, CancellationToken cancellationToken)
    {
        var remote = context.Connection.RemoteIpAddress;
        remote = remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote;
        if (remote is null || !IPAddress.IsLoopback(remote) || !key.Matches(DirectLineAccess.BearerToken(context.Request)))
        {
            return DirectLineJson.Error(StatusCodes.Status403Forbidden, "Forbidden", "Only this bot may post here.");
        }

        return await store.FindConversationAsync(conversationId, cancellationToken) is null
            ? DirectLineJson.Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found.")
            : null;
    }
}
