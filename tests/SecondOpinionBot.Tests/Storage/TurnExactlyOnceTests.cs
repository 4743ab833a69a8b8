using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Storage.Turns;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>Resends, crashes' leftovers and racing messages, through the real host and its database.</summary>
public sealed class TurnExactlyOnceTests
{
    [Fact]
    public async Task A_resent_activity_is_not_run_again_and_the_resend_gets_a_success()
    {
        await using var chat = await JourneyChat.StartAsync();
        await chat.SayAsync("hi");
        await chat.SayAsync("Yes, save my answers");
        await chat.SayAsync("I am the patient");
        var concern = chat.Message("My knee keeps swelling");
        var first = await chat.PostAsync(concern);
        Assert.True(first.Turn.Says(MessageKeys.SituationProposed), first.Turn.AllText);

        var resend = await chat.PostAsync(concern);

        Assert.Equal(HttpStatusCode.OK, resend.Response.StatusCode);
        Assert.Empty(resend.Turn.Activities);
        var draft = (await chat.StoredDraftAsync())!;
        Assert.Equal("My knee keeps swelling", draft.Concern);
        Assert.Null(draft.Proposed);
        var next = await chat.SayAsync(new ScriptedAnswers().Proposed);
        Assert.Equal(new ScriptedAnswers().Proposed, (await chat.StoredDraftAsync())!.Proposed);
        Assert.False(next.Says(MessageKeys.SituationProposed), next.AllText);
    }

    [Fact]
    public async Task A_resend_that_arrives_after_later_turns_is_still_recognised_and_changes_nothing()
    {
        await using var chat = await JourneyChat.StartAsync();
        await chat.SayAsync("hi");
        await chat.SayAsync("Yes, save my answers");
        var role = chat.Message("I am the patient");
        await chat.PostAsync(role);
        await chat.SayAsync("My knee keeps swelling");
        await chat.SayAsync(new ScriptedAnswers().Proposed);

        var resend = await chat.PostAsync(role);

        Assert.Equal(HttpStatusCode.OK, resend.Response.StatusCode);
        Assert.Empty(resend.Turn.Activities);
        var draft = (await chat.StoredDraftAsync())!;
        Assert.Equal("My knee keeps swelling", draft.Concern);
        Assert.Equal(new ScriptedAnswers().Proposed, draft.Proposed);
    }

    [Fact]
    public async Task Replies_that_could_not_be_delivered_are_sent_with_the_resend_and_the_answer_is_applied_once()
    {
        await using var chat = await JourneyChat.StartAsync();
        await chat.SayAsync("hi");
        await chat.SayAsync("Yes, save my answers");
        await chat.SayAsync("I am the patient");
        var concern = chat.Message("My knee keeps swelling");
        chat.Connector.ScriptedFailures.Enqueue(502);

        var failed = await chat.PostAsync(concern);
        Assert.False(failed.Response.IsSuccessStatusCode);
        var resend = await chat.PostAsync(concern);

        Assert.Equal(HttpStatusCode.OK, resend.Response.StatusCode);
        Assert.True(resend.Turn.Says(MessageKeys.SituationProposed), resend.Turn.AllText);
        Assert.Equal("My knee keeps swelling", (await chat.StoredDraftAsync())!.Concern);
        var again = await chat.PostAsync(concern);
        Assert.Empty(again.Turn.Activities);
    }

    [Fact]
    public async Task A_message_sent_while_the_one_before_is_being_answered_is_applied_after_it()
    {
        var proposed = new ScriptedAnswers().Proposed;
        for (var round = 0; round < 3; round++)
        {
            await using var chat = await JourneyChat.StartAsync();
            await chat.SayAsync("hi");
            await chat.SayAsync("Yes, save my answers");
            await chat.SayAsync("I am the patient");

            // The second message is sent while the first holds the conversation's lease: it must queue behind it.
            using var leases = new TurnLeaseWaits();
            var (first, traceparent) = TurnLeaseWaits.NewTrace();
            var concern = chat.PostAsync(chat.Message("My knee keeps swelling"), traceparent);
            await leases.GrantedAsync(first);
            var suggestion = chat.PostAsync(chat.Message(proposed));
            await Task.WhenAll(concern, suggestion);

            var draft = (await chat.StoredDraftAsync())!;
            Assert.Equal("My knee keeps swelling", draft.Concern);
            Assert.Equal(proposed, draft.Proposed);
        }
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_instance_blocks_the_conversation_only_until_it_expires()
    {
        await using var chat = await JourneyChat.StartAsync(factory: new BotAppFactory(new() { ["Storage:TurnLeaseExpiry"] = "00:00:02" }));
        await chat.SayAsync("hi");
        // A crashed instance's ticket: heartbeat just now, never renewed again.
        Insert(chat.Factory.DatabasePath, $"webchat/{chat.ConversationId}", "dead-instance", DateTimeOffset.UtcNow);

        var clock = Stopwatch.StartNew();
        var turn = await chat.SayAsync("Yes, save my answers");

        Assert.True(turn.Says(MessageKeys.RoleAsk), turn.AllText);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_ticket_left_by_a_process_of_this_machine_that_has_stopped_does_not_block_at_all()
    {
        await using var chat = await JourneyChat.StartAsync();
        await chat.SayAsync("hi");
        // What a crash leaves before the restart: the old process's ticket, heartbeat fresh, the process gone.
        Insert(chat.Factory.DatabasePath, $"webchat/{chat.ConversationId}", StoppedProcessIds.Of(), DateTimeOffset.UtcNow);

        var clock = Stopwatch.StartNew();
        var turn = await chat.SayAsync("Yes, save my answers");

        Assert.True(turn.Says(MessageKeys.RoleAsk), turn.AllText);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1)); // The expiry is 4 s.
    }

    [Fact]
    public async Task A_turn_that_cannot_get_the_lease_gives_up_with_503_well_within_15_seconds_and_card_actions_never_wait()
    {
        await using var chat = await JourneyChat.StartAsync(factory: new BotAppFactory(new() { ["Storage:TurnMaxWait"] = "00:00:02" }));
        await chat.SayAsync("hi");
        var key = $"webchat/{chat.ConversationId}";
        using var alive = new CancellationTokenSource();
        // Another live instance holds the lease and keeps renewing it.
        var seq = Insert(chat.Factory.DatabasePath, key, "other-instance", DateTimeOffset.UtcNow);
        var renew = Task.Run(async () =>
        {
            while (!alive.IsCancellationRequested)
            {
                Renew(chat.Factory.DatabasePath, seq);
                await Task.Delay(200);
            }
        });

        var clock = Stopwatch.StartNew();
        var busy = await chat.PostAsync(chat.Message("Yes, save my answers"));
        var waited = clock.Elapsed;
        clock.Restart();
        var invoke = chat.Message("");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new Newtonsoft.Json.Linq.JObject { ["action"] = new Newtonsoft.Json.Linq.JObject { ["type"] = "Action.Execute", ["verb"] = "claim" } };
        var card = await chat.PostAsync(invoke);
        var invokeTime = clock.Elapsed;
        await alive.CancelAsync();
        await renew;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Response.StatusCode);
        Assert.InRange(waited, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
        Assert.True(invokeTime < TimeSpan.FromSeconds(1.5), $"the card action waited {invokeTime}");
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, card.Response.StatusCode);
        // Once the other instance is gone, the resend works.
        Delete(chat.Factory.DatabasePath, seq);
        var resend = await chat.PostAsync(chat.Message("Yes, save my answers"));
        Assert.True(resend.Turn.Says(MessageKeys.RoleAsk), resend.Turn.AllText);
    }

    [Fact]
    public async Task Two_instances_on_one_database_take_turns_of_one_conversation_without_losing_an_answer()
    {
        await using var first = new BotAppFactory();
        await using var second = new BotAppFactory(new() { ["Storage:SqlitePath"] = first.DatabasePath });
        await using var chatA = await JourneyChat.StartAsync(factory: first);
        await using var chatB = await JourneyChat.StartAsync(factory: second, conversationId: chatA.ConversationId);
        await chatA.SayAsync("hi");
        await chatB.SayAsync("Yes, save my answers");
        await chatA.SayAsync("I am the patient");

        var proposed = new ScriptedAnswers().Proposed;
        using var leases = new TurnLeaseWaits();
        var (concernTrace, traceparent) = TurnLeaseWaits.NewTrace();
        var concern = chatA.PostAsync(chatA.Message("My knee keeps swelling"), traceparent);
        await leases.GrantedAsync(concernTrace);
        var suggestion = chatB.PostAsync(chatB.Message(proposed));
        await Task.WhenAll(concern, suggestion);

        var draft = (await chatA.StoredDraftAsync())!;
        Assert.Equal("My knee keeps swelling", draft.Concern);
        Assert.Equal(proposed, draft.Proposed);
    }

    private static long Insert(string path, string key, string instance, DateTimeOffset heartbeat)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO turn_queue (conversation_key, instance_id, created_at, heartbeat_at) VALUES ($k, $i, $t, $t) RETURNING seq";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$i", instance);
        command.Parameters.AddWithValue("$t", SecondOpinionBot.Storage.StoredTime.ToSqlite(heartbeat));
        return (long)command.ExecuteScalar()!;
    }

    private static void Renew(string path, long seq)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE turn_queue SET heartbeat_at = $t WHERE seq = $s";
        command.Parameters.AddWithValue("$t", SecondOpinionBot.Storage.StoredTime.ToSqlite(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$s", seq);
        command.ExecuteNonQuery();
    }

    private static void Delete(string path, long seq)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM turn_queue WHERE seq = $s";
        command.Parameters.AddWithValue("$s", seq);
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=5");
        connection.Open();
        return connection;
    }
}
