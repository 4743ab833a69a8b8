using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Npgsql;
using SecondOpinionBot.Tests.Channels;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>
/// Two bot processes on different ports sharing one PostgreSQL database, as behind a load balancer: a patient's turns
/// alternate between them, staff claim through both at once, both outbox workers run, and one is killed (SIGKILL) in
/// the middle of a delivery.
/// </summary>
public sealed partial class MultiInstanceTests : IPostgresTests, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "so-multi", Guid.NewGuid().ToString("N"));
    private string _schema = "";
    private string _connectionString = "";
    private FakeBotConnector _connector = null!;
    private readonly List<HostProcess> _hosts = [];
    private readonly string _masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public async Task InitializeAsync()
    {
        if (TestPostgres.SkipReason is not null)
        {
            return; // Every test here is reported skipped with the reason.
        }

        _connectionString = TestPostgres.CreateSchema(out _schema);
        _connector = await FakeBotConnector.StartAsync();
        foreach (var member in new[] { TeamsActivities.Ana, TeamsActivities.Ben })
        {
            _connector.AddTeamMember(TeamsActivities.Team, "29:" + member.AadObjectId, member.AadObjectId, member.Name);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        if (_schema.Length > 0)
        {
            TestPostgres.DropSchema(_schema);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    /// <summary>An instance: the same database and master key as the others, its own port and local folder.</summary>
    private async Task<HostProcess> StartInstanceAsync(string name)
    {
        var host = HostProcess.Start(new Dictionary<string, string?>
        {
            ["Storage__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Postgres"] = _connectionString,
            ["Storage__SqlitePath"] = Path.Combine(_folder, name, "bot.db"),
            ["DataProtection__MasterKey"] = _masterKey,
            ["Handoff__TenantId"] = TeamsActivities.Tenant,
            ["Handoff__Outbox__PollInterval"] = "00:00:00.200",
            ["Handoff__Outbox__Lease"] = "00:00:03",
            ["Operations__RunMonitor"] = "false",
        });
        _hosts.Add(host);
        Assert.True(await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)), host.Output);
        return host;
    }

    [StorageFact]
    public async Task A_patient_whose_turns_alternate_between_two_instances_keeps_every_answer_and_staff_claims_race_to_one_winner()
    {
        var a = await StartInstanceAsync("a");
        var b = await StartInstanceAsync("b");
        using var httpA = new HttpClient { BaseAddress = a.BaseAddress };
        using var httpB = new HttpClient { BaseAddress = b.BaseAddress };
        (await httpA.PostAsync(TeamsActivities.ChannelMessage(_connector.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel))).EnsureSuccessStatusCode();
        (await httpB.PostAsync(TeamsActivities.ChannelMessage(_connector.ServiceUrl, "set queue care-coordination", TeamsActivities.CoordinationChannel))).EnsureSuccessStatusCode();

        // The web chat conversation starts on A; every other message goes to B (the token and transcript are shared).
        var chat = await AlternatingChat.StartAsync(new DirectLineTestClient(httpA), new DirectLineTestClient(httpB));
        var summary = await AnsweringScript.CompleteJourneyAsync(chat.SayAsync);
        var card = AnsweringScript.SummaryCard(summary)!.ToString();
        Assert.Contains(Sentinels.Diagnosis, card, StringComparison.Ordinal);
        Assert.Contains(Sentinels.Question, card, StringComparison.Ordinal);
        Assert.Contains("555 013 9472", card, StringComparison.Ordinal);
        var confirmed = await chat.SayAsync("Yes, send it");
        Assert.True(confirmed.Says(MessageKeys.HandoffSent), confirmed.AllText);
        var reference = Reference().Match(confirmed.AllText).Value;

        // Both outbox workers run: the case's thread is started once, by one of them.
        // Once its outbox item is done, no worker can take it again: every post of it has reached the connector by then.
        var (staffConversation, version, queue) = await WaitForThreadAsync(reference);
        Assert.True(await EventuallyAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM outbox WHERE case_reference = @r AND kind = 'create-thread' AND completed_at IS NOT NULL", reference) == 1), "the case's post was never marked done");
        Assert.Single(_connector.Calls, c => c.Path.TrimEnd('/') == "/v3/conversations");
        Assert.Single(_connector.CreatedConversations);

        // Two staff press Claim on the same card, one through each instance, at the same moment: one wins.
        var channel = queue == "social-work" ? TeamsActivities.SocialWorkChannel : TeamsActivities.CoordinationChannel;
        var claims = await Task.WhenAll(
            httpA.PostAsync(TeamsActivities.Invoke(_connector.ServiceUrl, TeamsActivities.CardData("case.claim", reference, version), channel, TeamsActivities.Ana, conversationId: staffConversation)),
            httpB.PostAsync(TeamsActivities.Invoke(_connector.ServiceUrl, TeamsActivities.CardData("case.claim", reference, version), channel, TeamsActivities.Ben, conversationId: staffConversation)));
        Assert.All(claims, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM case_audit a JOIN cases c ON c.id = a.case_id WHERE c.reference = @r AND a.action = 'New->Claimed'", reference));
        var assignee = (string)(await ScalarObjectAsync("SELECT assignee_id FROM cases WHERE reference = @r", reference))!;
        Assert.Contains(assignee, new[] { TeamsActivities.Ana.AadObjectId, TeamsActivities.Ben.AadObjectId });

        // The transcript, read back through B from the start, has every position once and in order.
        var transcript = await chat.TranscriptAsync(new DirectLineTestClient(httpB));
        var ids = transcript.Select(t => t["id"]!.ToString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var userTexts = transcript.Where(t => t["from"]?["role"]?.ToString() == "user").Select(t => t["text"]?.ToString()).ToList();
        Assert.Equal(chat.Sent, userTexts);
    }

    [StorageFact]
    public async Task An_instance_killed_in_the_middle_of_a_delivery_loses_nothing_the_other_finishes_it()
    {
        var a = await StartInstanceAsync("a");
        var b = await StartInstanceAsync("b");
        using var httpA = new HttpClient { BaseAddress = a.BaseAddress };
        using var httpB = new HttpClient { BaseAddress = b.BaseAddress };
        (await httpA.PostAsync(TeamsActivities.ChannelMessage(_connector.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel))).EnsureSuccessStatusCode();
        (await httpA.PostAsync(TeamsActivities.ChannelMessage(_connector.ServiceUrl, "set queue care-coordination", TeamsActivities.CoordinationChannel))).EnsureSuccessStatusCode();

        // Teams stops answering: the first post of the case's thread hangs in whichever instance took it.
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _connector.Hold = hold;
        var chat = await AlternatingChat.StartAsync(new DirectLineTestClient(httpB), new DirectLineTestClient(httpA));
        await AnsweringScript.CompleteJourneyAsync(chat.SayAsync);
        var confirmed = await chat.SayAsync("Yes, send it");
        var reference = Reference().Match(confirmed.AllText).Value;
        Assert.True(await _connector.WaitForAsync(() => _connector.Calls.Any(c => c.Path.TrimEnd('/') == "/v3/conversations"), TimeSpan.FromSeconds(20)), "no instance tried to post the case");

        var owner = (string)(await ScalarObjectAsync("SELECT lease_owner FROM outbox WHERE case_reference = @r AND kind = 'create-thread'", reference))!;
        var sender = _hosts.Single(h => owner.Contains($"/{h.Id}/", StringComparison.Ordinal));
        sender.Kill();
        _connector.Hold = null;
        hold.SetResult();

        // The survivor takes the item when the dead instance's lease runs out and starts the thread.
        var (staffConversation, _, _) = await WaitForThreadAsync(reference, TimeSpan.FromSeconds(30));
        Assert.False(string.IsNullOrEmpty(staffConversation));
        var survivor = _hosts.Single(h => h != sender);
        Assert.False(survivor.HasExited);
        // The thread is recorded on the case just before the item is marked done.
        Assert.True(await EventuallyAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM outbox WHERE case_reference = @r AND completed_at IS NULL AND dead_letter IS NULL AND kind = 'create-thread'", reference) == 0));

        // The patient's web chat goes on through the survivor.
        var after = await chat.SayOnlyThroughAsync(new DirectLineTestClient(survivor == a ? httpA : httpB), "What happens next?");
        Assert.NotEmpty(after.AllText);
    }

    private async Task<(string StaffConversation, int Version, string Queue)> WaitForThreadAsync(string reference, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT staff_conversation, version, queue FROM cases WHERE reference = @r", connection);
            command.Parameters.AddWithValue("r", reference);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync() && !reader.IsDBNull(0))
            {
                return (reader.GetString(0), reader.GetInt32(1), reader.GetString(2));
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Case {reference} never got its thread. {string.Join("\n", _hosts.Select(h => h.Output))}");
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private async Task<long> ScalarAsync(string sql, string reference) =>
        Convert.ToInt64(await ScalarObjectAsync(sql, reference), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<object?> ScalarObjectAsync(string sql, string reference)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("r", reference);
        return await command.ExecuteScalarAsync();
    }

    [GeneratedRegex("SO-[2-9A-Z]{4}")]
    private static partial Regex Reference();

    /// <summary>One web chat user whose messages go to the instances in turn (as a load balancer without affinity would send them).</summary>
    private sealed class AlternatingChat(DirectLineTestClient[] clients, DirectLineTestClient.Conversation conversation)
    {
        private string _watermark = "";

        public List<string?> Sent { get; } = [];

        public static async Task<AlternatingChat> StartAsync(params DirectLineTestClient[] clients)
        {
            var chat = new AlternatingChat(clients, await clients[0].StartNewAsync());
            await chat.ReadNewAsync(clients[0]);
            return chat;
        }

        public Task<BotTurn> SayAsync(string text) => SayOnlyThroughAsync(clients[Sent.Count % clients.Length], text);

        public async Task<BotTurn> SayOnlyThroughAsync(DirectLineTestClient client, string text)
        {
            var response = await client.PostActivityAsync(conversation, DirectLineTestClient.WebChatMessage(text, "c" + Sent.Count));
            Sent.Add(text);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var fresh = await ReadNewAsync(client);
            return new BotTurn(fresh.Where(a => a["from"]?["role"]?.ToString() == "bot").ToList());
        }

        public async Task<IReadOnlyList<JObject>> TranscriptAsync(DirectLineTestClient client)
        {
            var all = new List<JObject>();
            var watermark = "";
            while ((await client.GetActivitiesAsync(conversation, watermark)) is { Activities.Count: > 0 } page)
            {
                all.AddRange(page.Activities);
                watermark = page.Watermark;
            }

            return all;
        }

        private async Task<IReadOnlyList<JObject>> ReadNewAsync(DirectLineTestClient client)
        {
            var set = await client.GetActivitiesAsync(conversation, _watermark);
            _watermark = set.Watermark;
            return set.Activities;
        }
    }
}
