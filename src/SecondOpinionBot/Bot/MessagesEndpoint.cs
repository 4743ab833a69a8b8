using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using SecondOpinionBot.Options;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Bot;

/// <summary>POST /api/messages: edge checks, then the SDK's own authentication and turn processing.</summary>
public static class MessagesEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request, BotAdapter adapter, IBot bot, IOptions<BotAuthOptions> auth, Operations.RateLimiting.ConversationRateLimiter conversations, CancellationToken cancellationToken)
    {
        var read = await ActivityRequestReader.ReadAsync(request, cancellationToken);
        if (read.Activity is not { } activity)
        {
            return Problem(read.StatusCode, read.Reason!);
        }

        // Without credentials nothing proves where a request came from, so replies may only go to this machine.
        if (auth.Value.IsLocalMode && !LocalMode.IsLoopbackUrl(activity.ServiceUrl))
        {
            return Problem(StatusCodes.Status403Forbidden, "In local mode the serviceUrl must be a loopback address.");
        }

        var authentication = await adapter.AuthenticateAsync(activity, request.Headers.Authorization.ToString(), cancellationToken);
        if (authentication is null)
        {
            return Problem(StatusCodes.Status401Unauthorized, "The request is not authenticated by the Bot Framework.");
        }

        // After authentication, so nobody can use up another conversation's allowance.
        if (conversations.Check(activity) is { } wait)
        {
            return new Operations.RateLimiting.TooManyRequests(wait);
        }

        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await adapter.ProcessAuthenticatedAsync(authentication, activity, bot.OnTurnAsync, cancellationToken);
        }
        catch (Exception busy) when (busy is Storage.Turns.TurnBusyException || busy.IsDatabaseBusy())
        {
            // The conversation's previous turn is still running, or the database stayed locked past its busy timeout:
            // the channel resends, and the resend is safe (the turn's writes commit together with its journal entry).
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Problem(StatusCodes.Status503ServiceUnavailable, "This conversation is busy with an earlier message; please resend.");
        }

        if (invokeResponse is null)
        {
            return Results.Ok();
        }

        return invokeResponse.Body is null
            ? Results.StatusCode(invokeResponse.Status)
            : Results.Content(JsonConvert.SerializeObject(invokeResponse.Body), "application/json", statusCode: invokeResponse.Status);
    }

    private static IResult Problem(int status, string reason) =>
        Results.Json(new { error = reason }, statusCode: status);
}
