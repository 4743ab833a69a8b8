using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// Wraps the configured authentication. Turns the local Direct Line endpoint runs in-process get an anonymous connector
/// to this server (no Azure token, even when a MicrosoftAppId is configured); everything else goes to the inner one.
/// </summary>
public sealed class DirectLineAwareAuthentication(BotFrameworkAuthentication inner, DirectLineConnectorFactory localConnectors) : BotFrameworkAuthentication
{
    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity)
        => DirectLineIdentity.IsLocalDirectLine(claimsIdentity) ? localConnectors : inner.CreateConnectorFactory(claimsIdentity);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        => DirectLineIdentity.IsLocalDirectLine(claimsIdentity)
            ? Task.FromResult<UserTokenClient>(new UnavailableUserTokenClient())
            : inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
        => inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
        => inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken)
        => inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);
}
