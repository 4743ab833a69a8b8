using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Crash;

/// <summary>What the patients saw across the kills: resends, how fast each conversation answered again, errors.</summary>
internal sealed class CrashLedger
{
    public ConcurrentBag<TimeSpan> RecoveriesAfterRestart { get; } = [];

    public ConcurrentBag<TimeSpan> RecoveriesAfterKill { get; } = [];

    public ConcurrentBag<string> ServerErrors { get; } = [];

    /// <summary>Each interrupted request: who, and how long after the restart it was answered.</summary>
    public ConcurrentBag<(string Patient, TimeSpan AfterRestart)> Interrupted { get; } = [];

    public int Resends;

    public int Turns;
}

/// <summary>A patient who types and clicks, and resends the same activity after a failed request, as channels do.</summary>
internal abstract class CrashPatient(CrashHost host, CrashLedger ledger, Func<Task> beforePost)
{
    public abstract string Name { get; }

    public abstract Task<BotTurn> SayAsync(string text);

    public abstract Task<BotTurn> SubmitAsync(JObject value);

    /// <summary>
    /// The turn as the patient reads it: a reply delivered twice (sent before the kill, then again from the turn's
    /// journal: at-least-once replies) counts once, so the script sees the question it would see without the crash.
    /// </summary>
    protected static BotTurn Distinct(IEnumerable<JObject> activities)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new BotTurn(activities.Where(a => seen.Add(string.Join("|",
            a["text"]?.ToString(), a["attachments"]?.ToString(Newtonsoft.Json.Formatting.None), a["suggestedActions"]?.ToString(Newtonsoft.Json.Formatting.None)))).ToList());
    }

    /// <summary>Posts until the host takes it; a failed attempt (the process died) waits for the restarted one.</summary>
    protected async Task DeliverAsync(Func<Task<HttpResponseMessage>> post, bool countsAsTurn = true)
    {
        var interrupted = false;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            // After a failure this is the restarted process's moment: recovery is measured from it.
            var upAt = await host.WhenUpAsync().WaitAsync(TimeSpan.FromSeconds(90));
            HttpResponseMessage response;
            try
            {
                await beforePost();
                response = await post();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                interrupted = true;
                Interlocked.Increment(ref ledger.Resends);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    if (interrupted)
                    {
                        ledger.RecoveriesAfterRestart.Add(DateTime.UtcNow - upAt);
                        ledger.Interrupted.Add((Name, DateTime.UtcNow - upAt));
                        ledger.RecoveriesAfterKill.Add(DateTime.UtcNow - host.LastKilledAt);
                    }

                    if (countsAsTurn)
                    {
                        Interlocked.Increment(ref ledger.Turns);
                    }

                    return;
                }

                ledger.ServerErrors.Add($"{Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"{Name}: refused with {(int)response.StatusCode}");
                }

                interrupted = true; // A 5xx: the channel resends.
                Interlocked.Increment(ref ledger.Resends);
            }
        }

        throw new InvalidOperationException($"{Name}: the host never took the message.");
    }
}

/// <summary>A patient in their Teams personal chat: activities to /api/messages, replies read at the fake connector.</summary>
internal sealed class TeamsCrashPatient(CrashHost host, CrashLedger ledger, Func<Task> beforePost, FakeBotConnector connector, HttpClient http, string id)
    : CrashPatient(host, ledger, beforePost)
{
    public string ConversationId { get; } = $"a:crash-{id}";

    public override string Name => ConversationId;

    public override Task<BotTurn> SayAsync(string text) => SendAsync(Activity(text, null));

    public override Task<BotTurn> SubmitAsync(JObject value) => SendAsync(Activity(null, value));

    private async Task<BotTurn> SendAsync(JObject activity)
    {
        var before = connector.Calls.Count;
        var body = activity.ToString(Newtonsoft.Json.Formatting.None);
        await DeliverAsync(() => http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json")));
        var prefix = $"/v3/conversations/{ConversationId}/activities";
        return Distinct(connector.Calls.Skip(before)
            .Where(c => c.Method == "POST" && c.Body is not null && Uri.UnescapeDataString(c.Path).StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => c.Body!));
    }

    private JObject Activity(string? text, JObject? value)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = connector.ServiceUrl,
            ["locale"] = "en-US",
            ["localTimestamp"] = "2026-11-24T10:00:00-06:00",
            ["from"] = new JObject { ["id"] = $"29:patient-{id}", ["name"] = "Pat", ["aadObjectId"] = $"aad-patient-{id}" },
            ["recipient"] = new JObject { ["id"] = "28:bot", ["name"] = "SecondOpinionBot" },
            ["conversation"] = new JObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = TeamsActivities.Tenant },
            ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = TeamsActivities.Tenant } },
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }
}

/// <summary>A patient in the local web chat: Direct Line 3.0 over HTTP, resends keep their clientActivityID.</summary>
internal sealed class WebChatCrashPatient(CrashHost host, CrashLedger ledger, Func<Task> beforePost, HttpClient http, string id)
    : CrashPatient(host, ledger, beforePost)
{
    private string _conversationId = "";
    private string _token = "";
    private string _watermark = "";
    private int _sent;

    public override string Name => $"webchat-{id}";

    public async Task OpenAsync()
    {
        string? generated = null;
        await DeliverAsync(async () =>
        {
            var response = await http.PostAsync("/v3/directline/tokens/generate", new StringContent("{}", Encoding.UTF8, "application/json"));
            if (response.IsSuccessStatusCode)
            {
                generated = await response.Content.ReadAsStringAsync();
            }

            return response;
        }, countsAsTurn: false);
        var body = JObject.Parse(generated!);
        _conversationId = (string)body["conversationId"]!;
        _token = (string)body["token"]!;
        await DeliverAsync(() => SendAsync(HttpMethod.Post, "/v3/directline/conversations", """{"user":{"id":"ignored"}}"""), countsAsTurn: false);
        await ReadNewAsync();
    }

    public override Task<BotTurn> SayAsync(string text) => PostAsync(new JObject { ["text"] = text, ["textFormat"] = "plain" });

    public override Task<BotTurn> SubmitAsync(JObject value) => PostAsync(new JObject { ["value"] = value });

    private async Task<BotTurn> PostAsync(JObject content)
    {
        content["type"] = "message";
        content["channelId"] = "webchat";
        content["from"] = new JObject { ["id"] = "acc_" + id, ["name"] = "Pat", ["role"] = "user" };
        content["locale"] = "en-US";
        content["channelData"] = new JObject { ["clientActivityID"] = $"{id}-{_sent++}" };
        var body = content.ToString(Newtonsoft.Json.Formatting.None);
        await DeliverAsync(() => SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities", body));
        return Distinct((await ReadNewAsync()).Where(a => a["from"]?["role"]?.ToString() == "bot"));
    }

    private async Task<IReadOnlyList<JObject>> ReadNewAsync()
    {
        string? page = null;
        await DeliverAsync(async () =>
        {
            var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities?watermark={_watermark}", null);
            if (response.IsSuccessStatusCode)
            {
                page = await response.Content.ReadAsStringAsync();
            }

            return response;
        }, countsAsTurn: false);
        var set = JObject.Parse(page!);
        _watermark = (string?)set["watermark"] ?? _watermark;
        return ((JArray)set["activities"]!).Cast<JObject>().ToList();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }
}
