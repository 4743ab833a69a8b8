using Microsoft.Net.Http.Headers;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>A request's right to one conversation: a valid token for exactly that conversation, which must exist.</summary>
public sealed class DirectLineAccess(DirectLineTokenService tokens, IDirectLineStore store)
{
    public sealed record Granted(DirectLineTokenClaims Claims, DirectLineConversation Conversation);

    /// <summary>The grant, or the error a Direct Line client expects: 403 for a bad, expired or foreign token, 404 for a missing conversation.</summary>
    public async Task<(Granted? Grant, IResult? Failure)> CheckAsync(HttpRequest request, string? conversationId, CancellationToken cancellationToken)
    {
        var claims = await tokens.ValidateAsync(BearerToken(request), cancellationToken);
        if (claims is null)
        {
            return (null, DirectLineJson.Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token is missing, invalid or expired."));
        }

        if (conversationId is not null && !string.Equals(conversationId, claims.ConversationId, StringComparison.Ordinal))
        {
            return (null, DirectLineJson.Error(StatusCodes.Status403Forbidden, "BadArgument", "The token is not valid for this conversation."));
        }

        var conversation = await store.FindConversationAsync(claims.ConversationId, cancellationToken);
        return conversation is null
            ? (null, DirectLineJson.Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found."))
            : (new Granted(claims, conversation), null);
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }
}
