using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Bot;

/// <summary>
/// The SDK asks for a connector client every turn; ours reuse one per serviceUrl (the constructor's reflection was 5% of
/// a journey turn) and all share one set of JSON contracts, or every reply reflects over Activity again (half an echo
/// turn's CPU, see README Benchmarks). Checked on the clients the host really makes.
/// </summary>
public sealed class ConnectorContractsTests
{
    [Fact]
    public async Task Two_turns_on_one_service_url_reuse_one_connector_client_and_the_first_turn_ending_leaves_it_usable()
    {
        await using var factory = new BotAppFactory();
        var auth = factory.Services.GetRequiredService<BotFrameworkAuthentication>();
        var activity = new Activity(ActivityTypes.Message, serviceUrl: "http://127.0.0.1:9/", channelId: "webchat");

        var first = await ClientForTurnAsync(auth, activity);
        first.Dispose(); // the SDK disposes the turn's client when the turn ends
        var second = await ClientForTurnAsync(auth, activity);

        Assert.Same(first.Conversations, second.Conversations);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), second.BaseUri);
    }

    [Fact]
    public async Task Connector_clients_for_two_service_urls_are_their_own_and_share_their_json_contracts()
    {
        await using var factory = new BotAppFactory();
        var auth = factory.Services.GetRequiredService<BotFrameworkAuthentication>();

        var first = await ClientForTurnAsync(auth, new Activity(ActivityTypes.Message, serviceUrl: "http://127.0.0.1:9/", channelId: "webchat"));
        var second = await ClientForTurnAsync(auth, new Activity(ActivityTypes.Message, serviceUrl: "http://127.0.0.1:10/", channelId: "webchat"));

        Assert.NotSame(first.Conversations, second.Conversations);
        Assert.Equal(new Uri("http://127.0.0.1:10/"), second.BaseUri);
        Assert.Same(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
        Assert.Same(first.DeserializationSettings.ContractResolver, second.DeserializationSettings.ContractResolver);
    }

    private static async Task<IConnectorClient> ClientForTurnAsync(BotFrameworkAuthentication auth, Activity activity)
    {
        var result = await auth.AuthenticateRequestAsync(activity, "", CancellationToken.None);
        return await result.ConnectorFactory.CreateAsync(activity.ServiceUrl, result.Audience, CancellationToken.None);
    }
}
