using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Bot;

/// <summary>
/// The SDK builds a user token client (an OAuth REST client with its own JSON settings and credentials) for every
/// turn, although this bot signs nobody in: about 2% of a journey turn's CPU in the load benchmark's profile. This one
/// builds the SDK's client only when something asks for a token, and disposes it with the turn as the SDK would.
/// </summary>
public sealed class LazyUserTokenClient(Func<Task<UserTokenClient>> create) : UserTokenClient
{
    private readonly Lazy<Task<UserTokenClient>> _inner = new(create);

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        await (await _inner.Value).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        await (await _inner.Value).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        await (await _inner.Value).SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        await (await _inner.Value).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        await (await _inner.Value).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        await (await _inner.Value).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _inner.IsValueCreated && _inner.Value.IsCompletedSuccessfully)
        {
            _inner.Value.Result.Dispose();
        }

        base.Dispose(disposing);
    }
}
