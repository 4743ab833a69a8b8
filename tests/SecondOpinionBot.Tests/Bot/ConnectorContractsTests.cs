using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Bot;

/// <summary>
/// The SDK makes a connector client per turn; ours must share one set of JSON contracts, or every reply reflects over
/// Activity again (half an echo turn's CPU, see README Benchmarks). Checked on the clients the host really makes.
/// </summary>
public sealed class ConnectorContractsTests
{
    [Fact]
    public async Task Connector_clients_for_two_turns_share_their_json_contracts()
    {
        await using var factory = new BotAppFactory();
        var auth = factory.Services.GetRequiredService<BotFrameworkAuthentication>();
        var activity = new Activity(ActivityTypes.Message, serviceUrl: "http://127.0.0.1:9/", channelId: "webchat");

        var first = await ClientForTurnAsync(auth, activity);
        var second = await ClientForTurnAsync(auth, activity);

        Assert.NotSame(first, second);
        Assert.Same(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
        Assert.Same(first.DeserializationSettings.ContractResolver, second.DeserializationSettings.ContractResolver);
    }

    private static async Task<ConnectorClient> ClientForTurnAsync(BotFrameworkAuthentication auth, Activity activity)
    {
        var result = await auth.AuthenticateRequestAsync(activity, "", CancellationToken.None);
        return Assert.IsType<ConnectorClient>(await result.ConnectorFactory.CreateAsync(activity.ServiceUrl, result.Audience, CancellationToken.None));
    }
}
