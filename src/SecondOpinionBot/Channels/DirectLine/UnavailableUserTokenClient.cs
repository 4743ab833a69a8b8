using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>The local web chat has no Azure token service: sign-in features say so instead of calling Azure.</summary>
public sealed class UnavailableUserTokenClient : UserTokenClient
{
    private const string Message = "Sign-in is not available on the local Direct Line endpoint.";

    public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken)
        => throw new NotSupportedException(Message);

    public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken)
        => throw new NotSupportedException(Message);

    public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken)
        => throw new NotSupportedException(Message);

    public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken)
        => throw new NotSupportedException(Message);

    public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken)
        => throw new NotSupportedException(Message);

    public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken)
        => throw new NotSupportedException(Message);
}
