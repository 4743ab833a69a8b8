using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SecondOpinionBot.Bench.Load;

/// <summary>One timed turn: when it started, how long until the HTTP response was back and the last reply was at the connector.</summary>
public readonly record struct TurnTiming(long Start, double Millis, bool Ok);

/// <summary>
/// Sends a channel's activities for one conversation to a host's /api/messages and collects the replies that reached
/// the connector. A turn is complete when the HTTP response is back and the turn's last reply arrived.
/// </summary>
public sealed class ConversationClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HostProcess _host;
    private readonly FakeConnector _connector;
    private readonly FakeConnector.Inbox _inbox;
    private readonly string _channel;
    private readonly string _user;

    public ConversationClient(HostProcess host, FakeConnector connector, string channel, string user)
    {
        _host = host;
        _connector = connector;
        _channel = channel;
        _user = user;
        ConversationId = (channel == "msteams" ? "a:" : "") + "bench-" + Guid.NewGuid().ToString("N");
        _inbox = connector.Open(ConversationId);
    }

    public string ConversationId { get; }

    private string BotId => _channel == "msteams" ? "28:bot" : "bot";

    public Task<(BotReplies Replies, TurnTiming Timing)> OpenAsync()
    {
        var activity = Activity("conversationUpdate");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = _user }, new JsonObject { ["id"] = BotId });
        return SendAsync(activity);
    }

    public Task<(BotReplies Replies, TurnTiming Timing)> SayAsync(string text)
    {
        var activity = Activity("message");
        activity["text"] = text;
        return SendAsync(activity);
    }

    /// <summary>A card button click: the data as the value, no text (as Web Chat and Teams post it).</summary>
    public Task<(BotReplies Replies, TurnTiming Timing)> SubmitAsync(JsonObject value)
    {
        var activity = Activity("message");
        activity["value"] = value;
        return SendAsync(activity);
    }

    private async Task<(BotReplies Replies, TurnTiming Timing)> SendAsync(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = Json;
        var start = Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            using var response = await _host.Client.PostAsync(new Uri("api/messages", UriKind.Relative), content);
            ok = response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException)
        {
        }

        var answered = Stopwatch.GetTimestamp();
        var (activities, lastArrived) = _inbox.Take();
        var end = Math.Max(answered, lastArrived);
        var millis = (end - start) * 1000.0 / Stopwatch.Frequency;
        return (new BotReplies(activities), new TurnTiming(start, millis, ok && activities.Count > 0));
    }

    private JsonObject Activity(string type)
    {
        var conversation = new JsonObject { ["id"] = ConversationId };
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = _channel,
            ["serviceUrl"] = _connector.ServiceUrl,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["localTimestamp"] = DateTimeOffset.Now.ToString("O"),
            ["locale"] = "en-US",
            ["from"] = new JsonObject { ["id"] = _user, ["name"] = "Pat" },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SecondOpinionBot" },
            ["conversation"] = conversation,
        };
        if (_channel == "msteams")
        {
            conversation["conversationType"] = "personal";
            conversation["tenantId"] = LoadRun.TenantId;
            activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = LoadRun.TenantId } };
        }

        return activity;
    }

    public void Dispose() => _connector.Close(ConversationId);
}
