using System.Net;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Bot;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private FakeBotConnector _connector = null!;
    private BotAppFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _factory = new BotAppFactory();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_message_gets_its_reply_posted_to_the_channels_service_url()
    {
        var response = await _factory.CreateClient().PostAsync(Activities.Message(_connector.ServiceUrl, "hello", conversationId: "conv-42"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(_connector.Calls);
        Assert.All(_connector.Calls, call =>
        {
            Assert.Equal("POST", call.Method);
            Assert.StartsWith("/v3/conversations/conv-42/activities", call.Path);
            Assert.Equal("conv-42", call.Body!["conversation"]!["id"]!.ToString());
        });
        Assert.True(Wording.Says(_connector.SentTexts[0], MessageKeys.WelcomeIntro), _connector.SentTexts[0]);
    }

    [Theory]
    [InlineData("{not json", "not a JSON object")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"conversation":{"id":"c"},"from":{"id":"u"}}""", "'type'")]
    [InlineData("""{"type":"message","from":{"id":"u"}}""", "'conversation'")]
    [InlineData("""{"type":"message","conversation":{"id":"c"}}""", "'from'")]
    [InlineData("""{"type":"message","conversation":"c","from":{"id":"u"}}""", "'conversation'")]
    [InlineData("""{"type":"message","conversation":{"id":5},"from":{"id":"u"}}""", "'conversation.id'")]
    [InlineData("""{"type":7,"conversation":{"id":"c"},"from":{"id":"u"}}""", "'type'")]
    [InlineData("""{"type":"message","text":42,"conversation":{"id":"c"},"from":{"id":"u"}}""", "'text'")]
    [InlineData("""{"type":"message","attachments":"x","conversation":{"id":"c"},"from":{"id":"u"}}""", "'attachments'")]
    public async Task Bad_input_gets_400_with_a_short_reason_and_nothing_is_stored(string body, string reasonPart)
    {
        var response = await _factory.CreateClient().PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reasonPart, await response.Content.ReadAsStringAsync());
        Assert.Empty(_connector.Calls);
        Assert.Equal(0, await CountStoredStateAsync());
    }

    [Fact]
    public async Task A_body_over_256_KB_is_refused_with_413()
    {
        var activity = Activities.Message(_connector.ServiceUrl, new string('a', 300 * 1024));

        var response = await _factory.CreateClient().PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task Unknown_activity_types_get_200_and_no_reply()
    {
        var activity = Activities.Message(_connector.ServiceUrl, "x");
        activity["type"] = "somethingNew";

        var response = await _factory.CreateClient().PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task Unknown_invokes_get_501_not_implemented()
    {
        var activity = Activities.Message(_connector.ServiceUrl, "x");
        activity["type"] = "invoke";
        activity["name"] = "some/unknownInvoke";

        var response = await _factory.CreateClient().PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoint_reports_ready_when_storage_answers()
    {
        var response = await _factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_endpoint_reports_unavailable_when_storage_cannot_be_opened()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "so-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "a file where a folder should be");
        await using var factory = new BotAppFactory(new() { ["Storage:SqlitePath"] = Path.Combine(blocker, "bot.db") });

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        File.Delete(blocker);
    }

    [Fact]
    public async Task Installing_in_a_team_posts_a_staff_setup_note_not_the_patient_greeting()
    {
        var update = new JObject
        {
            ["type"] = "conversationUpdate",
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["from"] = new JObject { ["id"] = "staff-1" },
            ["recipient"] = new JObject { ["id"] = "bot" },
            ["conversation"] = new JObject { ["id"] = "19:team@thread.tacv2", ["conversationType"] = "channel", ["isGroup"] = true },
            ["membersAdded"] = new JArray(new JObject { ["id"] = "bot" }),
        };

        await _factory.CreateClient().PostAsync(update);

        var text = Assert.Single(_connector.SentTexts);
        Assert.Contains("set queue", text); // the command to type; this note is still written in C#, not in dialogs/
        Assert.False(Wording.Says(text, MessageKeys.WelcomeIntro), text);
        Assert.DoesNotContain("911", text);
    }

    private async Task<long> CountStoredStateAsync()
    {
        if (!File.Exists(_factory.DatabasePath))
        {
            return 0;
        }

        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM bot_state";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
