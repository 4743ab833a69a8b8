using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using SecondOpinionBot.Storage.Turns;

namespace SecondOpinionBot.Bot;

/// <summary>
/// The one CloudAdapter of the host. A single constructor so DI can build it (CloudAdapter itself has two).
/// </summary>
public sealed class BotAdapter : CloudAdapter
{
    private readonly BotFrameworkAuthentication _auth;

    public BotAdapter(BotFrameworkAuthentication auth, ILogger<BotAdapter> logger, TurnErrorHandler errorHandler, SerialTurnsMiddleware serialTurns, TurnTelemetryMiddleware turnTelemetry)
        : base(auth, logger)
    {
        _auth = auth;
        Use(turnTelemetry); // Outermost: the turn's span and latency include waiting for the lease.
        Use(serialTurns);
        OnTurnError = errorHandler.HandleAsync;
    }

    /// <summary>
    /// Authenticates an incoming request the SDK's way. Returns null when the caller is not authenticated: a missing,
    /// malformed or untrusted token (the SDK throws ArgumentException for tokens it cannot even decode).
    /// </summary>
    public async Task<AuthenticateRequestResult?> AuthenticateAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        try
        {
            return await _auth.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or ArgumentException or Microsoft.IdentityModel.Tokens.SecurityTokenException)
        {
            return null;
        }
    }

    /// <summary>Runs the turn of an authenticated request.</summary>
    public Task<InvokeResponse> ProcessAuthenticatedAsync(AuthenticateRequestResult authentication, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
        => ProcessActivityAsync(authentication, activity, callback, cancellationToken);
}
