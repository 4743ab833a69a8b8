using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Channels;

namespace SecondOpinionBot.Bot;

/// <summary>
/// The SDK's own authentication, with one change: every connector factory it hands out is wrapped in a
/// <see cref="SharedContractsConnectorFactory"/>, so the connector clients the SDK makes for each turn share their
/// JSON contracts instead of rebuilding them and are reused by later turns of the same app id, audience and
/// serviceUrl (<see cref="ConnectorClientCache"/>), and the user token client is built only when used
/// (<see cref="LazyUserTokenClient"/>). Everything else is passed through unchanged.
/// </summary>
public sealed class SharedContractsAuthentication(BotFrameworkAuthentication inner, ConnectorClientCache clients) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
        => Wrap(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
        => Wrap(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity)
        => new SharedContractsConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), clients, AppIdOf(claimsIdentity));

    // Built on first use only (this bot signs nobody in); CancellationToken.None there: the turn's token may be gone by then.
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        => Task.FromResult<UserTokenClient>(new LazyUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken)
        => inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private AuthenticateRequestResult Wrap(AuthenticateRequestResult result)
    {
        if (result?.ConnectorFactory is { } factory and not SharedContractsConnectorFactory)
        {
            result.ConnectorFactory = new SharedContractsConnectorFactory(factory, clients, result.ClaimsIdentity is { } identity ? AppIdOf(identity) : null);
        }

        return result!;
    }

    /// <summary>
    /// The app id the SDK's own connector factory is made with for this identity (the SDK's internal
    /// BuiltinBotFrameworkAuthentication.GetAppId: the audience claim of a channel's token, else the emulator's appid
    /// claim; none for an anonymous local-mode identity), so clients made for one app id are never handed to another.
    /// </summary>
    private static string? AppIdOf(ClaimsIdentity identity) =>
        (identity.Claims?.SingleOrDefault(claim => claim.Type == AuthenticationConstants.AudienceClaim)
            ?? identity.Claims?.SingleOrDefault(claim => claim.Type == AuthenticationConstants.AppIdClaim))?.Value;
}
