using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// Connector clients for in-process Direct Line turns: the SDK's own ConnectorClient, pointed at this server's connector
/// route, on a named HttpClient that tests can re-point at an in-memory server. Reused across turns, per serviceUrl
/// (<see cref="ConnectorClientCache"/> says why that is safe; the credentials are this server's own key).
/// </summary>
public sealed class DirectLineConnectorFactory(IHttpClientFactory httpClientFactory, DirectLineConnectorKey key, TimeProvider clock) : ConnectorFactory
{
    public const string HttpClientName = "DirectLine.Connector";

    private readonly ConnectorClientCache _clients = new(clock);

    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        => _clients.GetAsync(appId: null, audience: null, serviceUrl, () =>
        {
            var httpClient = httpClientFactory.CreateClient(HttpClientName);
            IConnectorClient client = Channels.SharedContractsConnectorFactory.ShareContracts(
                new ConnectorClient(new Uri(serviceUrl), new DirectLineConnectorCredentials(key), httpClient, disposeHttpClient: true));
            return Task.FromResult(client);
        });
}
