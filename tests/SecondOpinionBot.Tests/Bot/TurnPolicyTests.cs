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
        Assert.Contains("Sorry, something went wrong", texts[2]);
        Assert.Contains("Your answers are saved", texts[2]);
        Assert.Equal("answer=Dr Rivera;step=none;added=", texts[3]);
    }

    [Fact]
    public async Task Two_messages_of_one_conversation_at_once_both_keep_their_effects()
    {
        var client = _factory.CreateClient();

        await Task.WhenAll(SayAsync(client, "add 1"), SayAsync(client, "add 2"), SayAsync(client, "add 3"));
        await SayAsync(client, "recall");

        var texts = await _connector.WaitForTextsAsync(4);
        Assert.Equal("answer=none;step=none;added=1,2,3", texts[^1]);
    }

    [Fact]
    public async Task Two_app_instances_on_one_database_still_serialise_a_conversations_turns()
    {
        await using var second = new BotAppFactory(new() { ["Storage:SqlitePath"] = _factory.DatabasePath }, BotAppFactory.WithBot<ProbeBot>());
        var first = _factory.CreateClient();
        var other = second.CreateClient();

        await Task.WhenAll(SayAsync(first, "add 1"), SayAsync(other, "add 2"), SayAsync(first, "add 3"), SayAsync(other, "add 4"));
        await SayAsync(first, "recall");

        var texts = await _connector.WaitForTextsAsync(5);
        Assert.Equal("answer=none;step=none;added=1,2,3,4", texts[^1]);
    }
}
