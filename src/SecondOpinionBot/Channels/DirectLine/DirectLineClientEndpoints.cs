using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 routes Web Chat and directlinejs call (polling only; see the Direct Line contract).</summary>
public static class DirectLineClientEndpoints
{
    private const long MaxActivityBytes = 256 * 1024;
    private const int MaxActivitiesPerPoll = 100;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
    }

    private static async Task<IResult> GenerateTokenAsync(DirectLineSessions sessions, CancellationToken cancellationToken)
    {
        // Any requested user id is ignored: the server issues it.
        var session = await sessions.OpenAsync(resumable: false, cancellationToken);
        return DirectLineJson.Ok(new DirectLineConversationResponse(session.ConversationId, session.Token, session.ExpiresIn));
    }

    private static async Task<IResult> RefreshTokenAsync(HttpRequest request, DirectLineAccess access, DirectLineSessions sessions, CancellationToken cancellationToken)
    {
        var (grant, failure) = await access.CheckAsync(request, conversationId: null, cancellationToken);
        return failure ?? DirectLineJson.Ok(await sessions.RenewAsync(grant!.Claims, cancellationToken));
    }

    private static async Task<IResult> StartConversationAsync(
        HttpRequest request, DirectLineAccess access, DirectLineSessions sessions, IDirectLineStore store,
        DirectLineActivities activities, DirectLineTurnRunner turns, IBot bot, CancellationToken cancellationToken)
    {
        var (grant, failure) = await access.CheckAsync(request, conversationId: null, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var conversation = grant!.Conversation;
        if (await store.TryMarkStartedAsync(conversation.Id, cancellationToken))
        {
            await turns.RunAsync(activities.ConversationStarted(conversation.UserId, conversation.Id, BrowserLocale(request)), bot, cancellationToken);
        }

        return DirectLineJson.Ok(await sessions.RenewAsync(grant.Claims, cancellationToken), StatusCodes.Status201Created);
    }

    /// <summary>
    /// The browser's first language (its Accept-Language), as the conversation's start carries it: Web Chat sends its
    /// locale only with the user's messages, and the bot greets before the first one.
    /// </summary>
    private static string? BrowserLocale(HttpRequest request)
    {
        var first = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault(tag => tag is { Length: > 1 and <= 16 } && tag != "*");
        return first;
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, HttpRequest request, DirectLineAccess access, DirectLineSessions sessions, CancellationToken cancellationToken)
    {
        var (grant, failure) = await access.CheckAsync(request, conversationId, cancellationToken);
        return failure ?? DirectLineJson.Ok(await sessions.RenewAsync(grant!.Claims, cancellationToken));
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineAccess access, IDirectLineStore store,
        DirectLineActivities activities, DirectLineTurnRunner turns, IBot bot, CancellationToken cancellationToken)
    {
        var (grant, failure) = await access.CheckAsync(request, conversationId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var posted = await DirectLineJson.ReadActivityAsync(request, MaxActivityBytes, cancellationToken);
        if (posted is null || posted.Type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing))
        {
            return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "Expected one message, event or typing activity (at most 256 KB).");
        }

        var userId = grant!.Claims.UserId;
        var clientActivityId = (posted.ChannelData as Newtonsoft.Json.Linq.JObject)?["clientActivityID"]?.ToString();
        Activity? stored = null;
        if (!string.IsNullOrEmpty(clientActivityId) && await store.FindByClientActivityIdAsync(conversationId, clientActivityId, cancellationToken) is { } earlier)
        {
            // A resend: the turn runs with the first post's id, and the turn journal makes sure it ran (or runs) once.
            stored = Newtonsoft.Json.JsonConvert.DeserializeObject<Activity>(earlier)!;
        }
        else
        {
            await store.AppendActivityAsync(conversationId, sequence =>
            {
                stored = activities.FromUser(posted, userId, conversationId, sequence);
                return (stored.Id, DirectLineJson.Serialize(stored));
            }, cancellationToken, clientActivityId);
        }

        // The echo is stored before the turn, so it always precedes the bot's replies in the stream.
        if (await turns.RunAsync(stored!, bot, cancellationToken) == DirectLineTurnRunner.Outcome.Busy)
        {
            return DirectLineJson.Error(StatusCodes.Status503ServiceUnavailable, "ServiceError", "This conversation is busy with an earlier message; please resend.");
        }

        return DirectLineJson.Ok(new ResourceResponse(stored!.Id));
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpRequest request, DirectLineAccess access, IDirectLineStore store, CancellationToken cancellationToken)
    {
        var (_, failure) = await access.CheckAsync(request, conversationId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        long after = 0;
        if (!string.IsNullOrEmpty(watermark) && (!long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "Unknown watermark.");
        }

        var page = await store.ReadActivitiesAfterAsync(conversationId, after, MaxActivitiesPerPoll, cancellationToken);
        return DirectLineJson.ActivitySet(page, page.Count > 0 ? page[^1].Sequence : after);
    }
}
