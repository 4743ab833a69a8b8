using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// A real Bot Connector stand-in on a loopback port: records what the bot sends (replies, new conversations, updates)
/// the way the Bot Framework REST API receives them. Use its <see cref="ServiceUrl"/> as the activity's serviceUrl.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentDictionary<string, JObject> _members = new(StringComparer.Ordinal);
    private TaskCompletionSource _nextCall = NewSignal();
    private int _nextId;

    private FakeBotConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorCall> Calls => _calls.ToArray();

    /// <summary>Texts of the messages the bot sent, in order.</summary>
    public IReadOnlyList<string> SentTexts =>
        Calls.Where(c => c.Body?["type"]?.ToString() == "message").Select(c => c.Body!["text"]?.ToString() ?? "").ToArray();

    /// <summary>Answers the next calls with this status first (then 200), to simulate a failing channel.</summary>
    public ConcurrentQueue<int> ScriptedFailures { get; } = new();

    /// <summary>While set, calls are recorded and then wait for it before answering (a channel that hangs).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>
    /// Runs after a call is recorded and before it is answered (the call has reached "Teams"; the bot waits for the
    /// answer): e.g. a crash test kills the bot here.
    /// </summary>
    public Func<ConnectorCall, CancellationToken, Task>? BeforeAnswer { get; set; }

    /// <summary>The Retry-After (seconds) sent with a scripted 429.</summary>
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>Conversations that no longer exist (an expired Direct Line conversation): every call to them gets 404.</summary>
    public ConcurrentDictionary<string, bool> GoneConversations { get; } = new();

    /// <summary>Answer 403 to every new 1:1 chat (the app is not installed for the user), as Teams does.</summary>
    public bool RefusePersonalChats { get; set; }

    /// <summary>New conversations (Teams channel threads) the bot created, in order.</summary>
    public IReadOnlyList<ConnectorCall> CreatedConversations =>
        Calls.Where(c => c.Method == "POST" && c.Path.TrimEnd('/') == "/v3/conversations" && c.Status == 200).ToArray();

    /// <summary>Successful activity updates (PUT), in order.</summary>
    public IReadOnlyList<ConnectorCall> Updates => Calls.Where(c => c.Method == "PUT" && c.Status == 200).ToArray();

    /// <summary>Successful messages sent into one conversation (replies and proactive messages).</summary>
    public IReadOnlyList<string> TextsIn(string conversationId) => Calls
        .Where(c => c.Method == "POST" && c.Status == 200 && Uri.UnescapeDataString(c.Path).StartsWith($"/v3/conversations/{conversationId}/activities", StringComparison.Ordinal))
        .Select(c => c.Body?["text"]?.ToString() ?? "")
        .ToArray();

    /// <summary>Roster look-ups (GET /v3/conversations/{team}/members/{user}) the bot made, in order.</summary>
    public IReadOnlyList<ConnectorCall> MemberLookups => Calls.Where(c => c.Method == "GET" && c.Path.Contains("/members/", StringComparison.Ordinal)).ToArray();

    /// <summary>Makes the team's roster answer for this user, by Teams user id (29:…) and by Entra object id, as Teams does.</summary>
    public void AddTeamMember(string teamId, string teamsUserId, string aadObjectId, string name)
    {
        var member = new JObject { ["id"] = teamsUserId, ["name"] = name, ["aadObjectId"] = aadObjectId, ["userRole"] = "user" };
        _members[$"{teamId}|{teamsUserId}"] = member;
        _members[$"{teamId}|{aadObjectId}"] = member;
    }

    public void RemoveTeamMember(string teamId, string teamsUserId, string aadObjectId)
    {
        _members.TryRemove($"{teamId}|{teamsUserId}", out _);
        _members.TryRemove($"{teamId}|{aadObjectId}", out _);
    }

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeBotConnector(app);
        app.Map("/v3/conversations", connector.HandleAsync);
        app.Map("/v3/conversations/{**rest}", connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>The texts sent so far, once there are at least <paramref name="count"/> (or the timeout passed).</summary>
    public async Task<IReadOnlyList<string>> WaitForTextsAsync(int count, TimeSpan? timeout = null)
    {
        await WaitForAsync(() => SentTexts.Count >= count, timeout);
        return SentTexts;
    }

    /// <summary>
    /// Returns true as soon as <paramref name="condition"/> holds over the calls received, woken by each new call
    /// rather than by polling; false if the timeout passed first.
    /// </summary>
    public async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            // Take the signal before looking, so a call recorded in between still wakes us.
            var nextCall = Volatile.Read(ref _nextCall).Task;
            if (condition())
            {
                return true;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return condition();
            }

            try
            {
                await nextCall.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // The loop looks once more, then gives up.
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        var body = string.IsNullOrWhiteSpace(text) ? null : JObject.Parse(text);
        var failure = ScriptedFailures.TryDequeue(out var status) ? status : (int?)null;
        if (failure is null && GoneConversations.Keys.Any(gone => Uri.UnescapeDataString(context.Request.Path.Value!).StartsWith($"/v3/conversations/{gone}/", StringComparison.Ordinal)))
        {
            failure = StatusCodes.Status404NotFound;
        }

        if (failure is null && RefusePersonalChats && context.Request.Method == "POST" && context.Request.Path.Value!.TrimEnd('/') == "/v3/conversations"
            && body?["isGroup"]?.Type == JTokenType.Boolean && !(bool)body["isGroup"]!)
        {
            failure = StatusCodes.Status403Forbidden;
        }

        var call = new ConnectorCall(context.Request.Method, context.Request.Path.Value!, body, failure ?? 200);
        _calls.Enqueue(call);
        Interlocked.Exchange(ref _nextCall, NewSignal()).TrySetResult();
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(context.RequestAborted);
        }

        if (BeforeAnswer is { } beforeAnswer)
        {
            await beforeAnswer(call, context.RequestAborted);
        }

        if (failure is { } code)
        {
            context.Response.StatusCode = code;
            if (code == StatusCodes.Status429TooManyRequests)
            {
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return;
        }

        var path = Uri.UnescapeDataString(context.Request.Path.Value!);
        var members = path.IndexOf("/members/", StringComparison.Ordinal);
        if (context.Request.Method == "GET" && members > 0)
        {
            var team = path["/v3/conversations/".Length..members];
            var user = path[(members + "/members/".Length)..];
            if (_members.TryGetValue($"{team}|{user}", out var member))
            {
                await context.Response.WriteAsync(member.ToString(Newtonsoft.Json.Formatting.None));
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "MemberNotFoundInConversation", message = "The member is not in this team." } });
            return;
        }

        var id = $"act-{Interlocked.Increment(ref _nextId)}";
        if (context.Request.Method == "POST" && context.Request.Path.Value!.TrimEnd('/') == "/v3/conversations")
        {
            // Teams answers a new channel thread with the thread's conversation id and the root message's id.
            var channel = body?["channelData"]?["channel"]?["id"]?.ToString() ?? "conversation";
            await context.Response.WriteAsJsonAsync(new { id = $"{channel};messageid={id}", activityId = id });
            return;
        }

        await context.Response.WriteAsJsonAsync(new { id });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ConnectorCall(string Method, string Path, JObject? Body, int Status);
