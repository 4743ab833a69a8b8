using System.Net.Http.Headers;
using Microsoft.Rest;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>Signs the connector client's calls to the local connector route with the per-process key.</summary>
public sealed class DirectLineConnectorCredentials(DirectLineConnectorKey key) : ServiceClientCredentials
{
    public override Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Value);
        return Task.CompletedTask;
    }
}
