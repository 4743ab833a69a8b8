using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// Connector clients for in-process Direct Line turns: the SDK's own ConnectorClient, pointed at this server's connector
/// route, on a named HttpClient that tests can re-point at an in-memory server.
/// </summary>
public sealed class DirectLineConnectorFactory(IHttpClientFactory httpClientFactory, DirectLineConnectorKey key) : ConnectorFactory
{
    public const string HttpClientName = "DirectLine.Connector";

    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var httpClient = httpClientFactory.CreateClient(HttpClientName);
        IConnectorClient client = Channels.SharedContractsConnectorFactory.ShareContracts(
            new ConnectorClient(new Uri(serviceUrl), new DirectLineConnectorCredentials(key), httpClient, disposeHttpClient: true));
        return Task.FromResult(client);
    }
}
