using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Bot;

/// <summary>What the host guarantees around a turn: failures keep answers, overlapping turns both count.</summary>
public sealed class TurnPolicyTests : IAsyncLifetime
{
    private FakeBotConnector _connector = null!;
    private BotAppFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _factory = new BotAppFactory(services: BotAppFactory.WithBot<ProbeBot>());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Task<HttpResponseMessage> SayAsync(HttpClient client, string text) =>
        client.PostAsync(Activities.Message(_connector.ServiceUrl, text));

    [Fact]
    public async Task A_failed_turn_apologises_resets_the_position_and_keeps_the_answers()
    {
        var client = _factory.CreateClient();
        await SayAsync(client, "remember Dr Rivera");
        await SayAsync(client, "step 4");

        var failed = await SayAsync(client, "boom");
        await SayAsync(client, "recall");

        Assert.True(failed.IsSuccessStatusCode);
        var texts = await _connector.WaitForTextsAsync(4);
        Assert.True(Wording.Says(texts[2], MessageKeys.ErrorsTurnFailed), texts[2]);
        Assert.Equal("answer=Dr Rivera;step=none;added=", texts[3]);
    }

    /// <summary>
    /// Forces the overlap every run: the first "add" is held inside the bot, holding the conversation's lease, while
    /// the second asks for the lease. The second must not get it (an unguarded turn would at once) until the first is
    /// let go; only one turn is ever inside the bot, and both additions are kept.
    /// </summary>
    private static async Task OverlapTwoAddsAsync(TurnGate gate, HttpClient first, HttpClient second, string serviceUrl)
    {
        using var leases = new TurnLeaseWaits();
        var one = first.PostAsync(Activities.Message(serviceUrl, "add 1"));
        await gate.TurnInsideAsync();

        var (trace, traceparent) = TurnLeaseWaits.NewTrace();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonBody(Activities.Message(serviceUrl, "add 2")) };
        request.Headers.Add("traceparent", traceparent);
        var two = second.SendAsync(request);
        await leases.StartedAsync(trace);
        await leases.NotGrantedWithinAsync(trace, TimeSpan.FromMilliseconds(300));
        Assert.Equal(1, gate.MostAtOnce);

        gate.LetOneTurnFinish();
        await gate.TurnInsideAsync();
        gate.LetOneTurnFinish();
        Assert.All(await Task.WhenAll(one, two), response => Assert.True(response.IsSuccessStatusCode));
        Assert.Equal(1, gate.MostAtOnce);
    }

    private static StringContent JsonBody(Newtonsoft.Json.Linq.JObject activity) =>
        new(activity.ToString(), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task Two_messages_of_one_conversation_at_once_both_keep_their_effects()
    {
        var gate = new TurnGate();
        await using var factory = new BotAppFactory(services: WithGate(gate));
        var client = factory.CreateClient();

        await OverlapTwoAddsAsync(gate, client, client, _connector.ServiceUrl);
        await SayAsync(client, "recall");

        var texts = await _connector.WaitForTextsAsync(3);
        Assert.Equal("answer=none;step=none;added=1,2", texts[^1]);
    }

    [Fact]
    public async Task Two_app_instances_on_one_database_still_serialise_a_conversations_turns()
    {
        var gate = new TurnGate();
        await using var first = new BotAppFactory(services: WithGate(gate));
        await using var second = new BotAppFactory(new() { ["Storage:SqlitePath"] = first.DatabasePath }, WithGate(gate));

        await OverlapTwoAddsAsync(gate, first.CreateClient(), second.CreateClient(), _connector.ServiceUrl);
        await SayAsync(second.CreateClient(), "recall");

        var texts = await _connector.WaitForTextsAsync(3);
        Assert.Equal("answer=none;step=none;added=1,2", texts[^1]);
    }

    private static Action<IServiceCollection> WithGate(TurnGate gate) => services =>
    {
        BotAppFactory.WithBot<ProbeBot>()(services);
        services.AddSingleton(gate);
    };
}
