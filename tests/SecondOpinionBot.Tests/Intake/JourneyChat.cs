using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// A patient chatting with the real host through /api/messages: each call returns what the bot sent back this turn
/// (texts, suggested actions, cards) as the channel receives it.
/// </summary>
public sealed class JourneyChat : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly bool _ownsFactory;
    private int _seen;

    private JourneyChat(BotAppFactory factory, bool ownsFactory, FakeBotConnector connector, string channelId, string userId, string conversationId)
    {
        Factory = factory;
        _ownsFactory = ownsFactory;
        Connector = connector;
        ChannelId = channelId;
        UserId = userId;
        ConversationId = conversationId;
        _client = factory.CreateClient();
    }

    public BotAppFactory Factory { get; }

    public FakeBotConnector Connector { get; }

    public string ChannelId { get; }

    public string UserId { get; }

    public string ConversationId { get; }

    /// <summary>The user's own clock (offset kept), as channels send it in localTimestamp.</summary>
    public DateTimeOffset LocalNow { get; set; } = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-6));

    /// <summary>conversation.conversationType as the channel sends it ("personal" in a Teams one-to-one chat); null sends none.</summary>
    public string? ConversationType { get; set; }

    /// <summary>A new chat. A <paramref name="factory"/> passed in is shared (e.g. a second conversation) and not disposed here.</summary>
    /// <param name="conversationId">To carry on an existing conversation (e.g. after the host restarts); a new one by default.</param>
    public static async Task<JourneyChat> StartAsync(string channelId = "webchat", string userId = "patient-1", BotAppFactory? factory = null, string? conversationId = null)
    {
        var connector = await FakeBotConnector.StartAsync();
        return new JourneyChat(factory ?? new BotAppFactory(), factory is null, connector, channelId, userId, conversationId ?? "conv-" + Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>The user types a message.</summary>
    public Task<BotTurn> SayAsync(string text) => SendAsync(Activity("message", text));

    /// <summary>The user clicks a card button whose data is <paramref name="value"/> (no text, as Web Chat posts it).</summary>
    public Task<BotTurn> SubmitAsync(JObject value)
    {
        var activity = Activity("message", null);
        activity["value"] = value;
        return SendAsync(activity);
    }

    /// <summary>The chat opens (the channel adds the user).</summary>
    public Task<BotTurn> OpenAsync()
    {
        var activity = Activity("conversationUpdate", null);
        activity["membersAdded"] = new JArray(new JObject { ["id"] = UserId }, new JObject { ["id"] = "bot" });
        return SendAsync(activity);
    }

    /// <summary>A message activity as this chat sends it (with a fresh id), to send or resend with <see cref="PostAsync"/>.</summary>
    public JObject Message(string text) => Activity("message", text);

    /// <summary>Posts an activity as the channel would (also a resend), returning the HTTP answer and the bot's new sends.</summary>
    /// <param name="traceparent">To follow the turn's spans, e.g. when it holds its conversation's lease (<see cref="TurnLeaseWaits"/>).</param>
    public async Task<(HttpResponseMessage Response, BotTurn Turn)> PostAsync(JObject activity, string? traceparent = null)
    {
        var response = await _client.PostAsync(activity, traceparent: traceparent);
        var calls = Connector.Calls;
        var fresh = calls.Skip(_seen).Where(c => c.Body is not null).Select(c => c.Body!).ToList();
        _seen = calls.Count;
        return (response, new BotTurn(fresh) { Content = HostContent });
    }

    private async Task<BotTurn> SendAsync(JObject activity)
    {
        var response = await _client.PostAsync(activity);
        response.EnsureSuccessStatusCode();
        var calls = Connector.Calls;
        var fresh = calls.Skip(_seen).Where(c => c.Body is not null).Select(c => c.Body!).ToList();
        _seen = calls.Count;
        return new BotTurn(fresh) { Content = HostContent };
    }

    /// <summary>The content the host under test loaded (a test may point it at an edited copy of dialogs/), in <see cref="Language"/>.</summary>
    public ContentCatalog HostContent => Factory.Services.GetRequiredService<ContentCatalogs>().For(Language);

    /// <summary>The activity's locale as the channel sends it (Teams and Web Chat send the user's, e.g. "es-MX"); null sends none.</summary>
    public string? Locale { get; set; }

    /// <summary>The language the test expects the bot to speak: replies are recognised by key in that language's content (the default when null).</summary>
    public string? Language { get; set; }

    private JObject Activity(string type, string? text)
    {
        var activity = Activities.Message(Connector.ServiceUrl, text ?? "", ConversationId, UserId, ChannelId);
        activity["type"] = type;
        if (text is null)
        {
            activity.Remove("text");
        }

        activity["localTimestamp"] = LocalNow.ToString("O");
        if (Locale is not null)
        {
            activity["locale"] = Locale;
        }

        if (ConversationType is not null)
        {
            activity["conversation"]!["conversationType"] = ConversationType;
        }

        return activity;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsFactory)
        {
            await Factory.DisposeAsync();
        }

        await Connector.DisposeAsync();
    }
}

/// <summary>What the bot sent in one turn.</summary>
public sealed record BotTurn(IReadOnlyList<JObject> Activities)
{
    /// <summary>The content the sending host loaded, to recognise its messages by key; the repository's by default.</summary>
    public ContentCatalog Content { get; init; } = Wording.Repository.Default;

    public MessageCatalog Messages => Content.Messages;

    public IReadOnlyList<string> Texts => Activities.Select(a => a["text"]?.ToString() ?? "").Where(t => t.Length > 0).ToList();

    /// <summary>What was said, paragraph by paragraph: the host joins a turn's plain text replies into the next message as paragraphs.</summary>
    public IReadOnlyList<string> Paragraphs => Texts.SelectMany(t => t.Split("\n\n")).ToList();

    public string AllText => string.Join("\n", Texts) + "\n" + string.Join("\n", Cards.Select(c => c.ToString()));

    public IReadOnlyList<string> SuggestedActions =>
        Activities.SelectMany(a => a["suggestedActions"]?["actions"] as JArray ?? []).Select(a => a["title"]!.ToString()).ToList();

    public IReadOnlyList<JObject> Cards =>
        Activities.SelectMany(a => a["attachments"] as JArray ?? []).Where(a => a["contentType"]?.ToString() == "application/vnd.microsoft.card.adaptive")
            .Select(a => (JObject)a["content"]!).ToList();

    /// <summary>Everything the user can read: message texts, every string on the cards, and the buttons' titles.</summary>
    public IReadOnlyList<string> Readable =>
        [.. Texts, .. Cards.SelectMany(c => c.Descendants().OfType<JValue>()).Where(v => v.Type == JTokenType.String).Select(v => (string)v!), .. SuggestedActions];

    /// <summary>Whether this turn's text contains <paramref name="part"/> — for data the user or the configuration supplied (a name, a reference), not for wording.</summary>
    public bool Says(string part) => AllText.Contains(part, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the bot said the message <paramref name="key"/> as its host's content words it, optionally with placeholder values.</summary>
    public bool Says(MessageKey key, params (string Name, string Value)[] values) => Readable.Any(text => Messages.Says(text, key, values));
}
