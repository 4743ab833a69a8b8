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
        group.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext context, CancellationToken ct)
            => AppendAsync(conversationId, replyToId: null, context, ct));
        group.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext context, CancellationToken ct)
            => AppendAsync(conversationId, activityId, context, ct));
        group.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", UpdateAsync);
    }

    private static async Task<IResult> AppendAsync(string conversationId, string? replyToId, HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var failure = await CheckCallerAsync(context, conversationId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var sent = await DirectLineJson.ReadActivityAsync(context.Request, MaxActivityBytes, cancellationToken);
        if (sent is null)
        {
            return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "Expected one activity.");
        }

        var activities = services.GetRequiredService<DirectLineActivities>();
        string? id = null;
        await services.GetRequiredService<DirectLineStore>().AppendActivityAsync(conversationId, sequence =>
        {
            var stored = activities.FromBot(sent, conversationId, sequence, replyToId);
            id = stored.Id;
            return (stored.Id, DirectLineJson.Serialize(stored));
        }, cancellationToken);
        return DirectLineJson.Ok(new ResourceResponse(id));
    }

    private static async Task<IResult> UpdateAsync(string conversationId, string activityId, HttpContext context, DirectLineStore store, CancellationToken cancellationToken)
    {
        var failure = await CheckCallerAsync(context, conversationId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var sent = await DirectLineJson.ReadActivityAsync(context.Request, MaxActivityBytes, cancellationToken);
        if (sent is null)
        {
            return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "Expected one activity.");
        }

        sent.Id = activityId;
        sent.Conversation = new ConversationAccount(id: conversationId);
        sent.ServiceUrl = null;
        return await store.ReplaceActivityAsync(conversationId, activityId, DirectLineJson.Serialize(sent), cancellationToken)
            ? DirectLineJson.Ok(new ResourceResponse(activityId))
            : DirectLineJson.Error(StatusCodes.Status404NotFound, "BadArgument", "Activity not found.");
    }

    private static async Task<IResult?> CheckCallerAsync(HttpContext context, string conversationId, CancellationToken cancellationToken)
    {
        var remote = context.Connection.RemoteIpAddress;
        remote = remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote;
        var key = context.RequestServices.GetRequiredService<DirectLineConnectorKey>();
        if (remote is null || !IPAddress.IsLoopback(remote) || !key.Matches(DirectLineAccess.BearerToken(context.Request)))
        {
            return DirectLineJson.Error(StatusCodes.Status403Forbidden, "Forbidden", "Only this bot may post here.");
        }

        var conversation = await context.RequestServices.GetRequiredService<DirectLineStore>().FindConversationAsync(conversationId, cancellationToken);
        return conversation is null ? DirectLineJson.Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found.") : null;
    }
}
