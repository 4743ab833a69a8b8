using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>Both directions for a web chat patient (local Direct Line): the staff message is in the transcript a reloaded page reads.</summary>
public sealed class WebChatCaseWorkTests
{
    /// <summary>
    /// Azure Direct Line: the bot reaches the patient through the channel's connector, which forgets a conversation
    /// after a while. A staff message sent then is kept in our store and shown when the patient comes back in a new
    /// conversation (same user id, as Web Chat keeps it), before their own message is answered.
    /// </summary>
    [Fact]
    public async Task An_Azure_Direct_Line_patient_whose_conversation_expired_sees_the_staff_message_on_return()
    {
        await using var factory = new BotAppFactory(new() { ["Handoff:TenantId"] = TeamsActivities.Tenant, ["Handoff:Outbox:RunWorker"] = "false" });
        await using var first = await JourneyChat.StartAsync("directline", "dl-visitor", factory, "dl-conv-1");
        first.Connector.AddTeamMember(TeamsActivities.Team, "29:aad-ana", "aad-ana", TeamsActivities.Ana.Name);
        using var teams = factory.CreateClient();
        foreach (var (queue, channel) in new[] { ("social-work", TeamsActivities.SocialWorkChannel), ("care-coordination", TeamsActivities.CoordinationChannel) })
        {
            (await teams.PostAsync(TeamsActivities.ChannelMessage(first.Connector.ServiceUrl, $"set queue {queue}", channel))).EnsureSuccessStatusCode();
        }

        await first.CompleteJourneyAsync();
        Assert.True((await first.SayAsync("Yes, send it")).Says(MessageKeys.HandoffSent));
        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        await processor.DrainAsync();
        var cases = factory.Services.GetRequiredService<ICaseStore>();
        var record = (await cases.FindLatestForOwnerAsync("directline:dl-visitor", CancellationToken.None))!;
        var channelId = record.Queue == QueueNames.SocialWork ? TeamsActivities.SocialWorkChannel : TeamsActivities.CoordinationChannel;
        (await teams.PostAsync(TeamsActivities.Invoke(first.Connector.ServiceUrl, TeamsActivities.CardData("case.claim", record.Reference, record.Version), channelId, conversationId: record.StaffConversationId))).EnsureSuccessStatusCode();
        await processor.DrainAsync();

        first.Connector.GoneConversations["dl-conv-1"] = true;
        var send = TeamsActivities.Task(first.Connector.ServiceUrl, "task/submit", TeamsActivities.DialogData("case.message.send", record.Reference, message: "Your referral letter is ready."), channelId, conversationId: record.StaffConversationId);
        (await teams.PostAsync(send)).EnsureSuccessStatusCode();
        await processor.DrainAsync();
        Assert.Contains(first.Connector.Calls, c => c.Status == 404 && c.Path.Contains("dl-conv-1", StringComparison.Ordinal));
        var details = await teams.PostAsync(TeamsActivities.Task(first.Connector.ServiceUrl, "task/fetch", TeamsActivities.DialogData("case.details", record.Reference), channelId, conversationId: record.StaffConversationId));
        Assert.Contains("(not delivered yet)", await details.Content.ReadAsStringAsync());

        await using var back = await JourneyChat.StartAsync("directline", "dl-visitor", factory, "dl-conv-2");
        var turn = await back.SayAsync("hello again");

        Assert.True(turn.Texts.Count >= 2, turn.AllText);
        Assert.StartsWith("From Ana, ", turn.Texts[0], StringComparison.Ordinal);
        Assert.EndsWith("Your referral letter is ready.", turn.Texts[0], StringComparison.Ordinal);
        Assert.True(turn.Says(MessageKeys.HandoffMessageReceived, ("reference", record.Reference)), turn.AllText);

        // Shown once: the next visit does not repeat it.
        var again = await back.SayAsync("one more thing");
        Assert.DoesNotContain(again.Texts, t => t.EndsWith("Your referral letter is ready.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_web_chat_patient_who_reloads_sees_the_staff_message_and_their_reply_reaches_the_case()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.AddTeamMember(TeamsActivities.Team, "29:aad-ana", "aad-ana", TeamsActivities.Ana.Name);
        await using var factory = new BotAppFactory(new() { ["Handoff:TenantId"] = TeamsActivities.Tenant, ["Handoff:Outbox:RunWorker"] = "false" }, WebChatPatient.InMemory);
        using var teams = factory.CreateClient();
        foreach (var (queue, channel) in new[] { ("social-work", TeamsActivities.SocialWorkChannel), ("care-coordination", TeamsActivities.CoordinationChannel) })
        {
            (await teams.PostAsync(TeamsActivities.ChannelMessage(connector.ServiceUrl, $"set queue {queue}", channel))).EnsureSuccessStatusCode();
        }

        var patient = await WebChatPatient.OpenAsync(factory);
        await AnsweringScript.CompleteJourneyAsync(patient.SayAsync);
        Assert.True((await patient.SayAsync("Yes, send it")).Says(MessageKeys.HandoffSent));
        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        await processor.DrainAsync();
        var cases = factory.Services.GetRequiredService<ICaseStore>();
        var record = (await cases.FindLatestForOwnerAsync("directline:" + patient.UserId, CancellationToken.None))!;
        var channelId = record.Queue == QueueNames.SocialWork ? TeamsActivities.SocialWorkChannel : TeamsActivities.CoordinationChannel;
        (await teams.PostAsync(TeamsActivities.Invoke(connector.ServiceUrl, TeamsActivities.CardData("case.claim", record.Reference, record.Version), channelId, conversationId: record.StaffConversationId))).EnsureSuccessStatusCode();

        var send = TeamsActivities.Task(connector.ServiceUrl, "task/submit", TeamsActivities.DialogData("case.message.send", record.Reference, message: "Hi, I found an opening on Friday."), channelId, conversationId: record.StaffConversationId);
        (await teams.PostAsync(send)).EnsureSuccessStatusCode();
        await processor.DrainAsync();

        // The page comes back and reads the conversation from the start: the message waited for the patient.
        var transcript = (await patient.TranscriptAsync()).Select(a => a["text"]?.ToString() ?? "").ToList();
        Assert.Contains(transcript, t => t.StartsWith("From Ana, ", StringComparison.Ordinal) && t.EndsWith("Hi, I found an opening on Friday.", StringComparison.Ordinal));

        var reply = await patient.SayAsync("Friday works for me, thank you");
        Assert.True(reply.Says(MessageKeys.HandoffMessageReceived, ("reference", record.Reference)), reply.AllText);
        await processor.DrainAsync();
        Assert.Contains(connector.TextsIn(record.StaffConversationId!), t => Wording.Says(t, StaffMessageKeys.EventsPatientMessageLine));
        var details = await teams.PostAsync(TeamsActivities.Task(connector.ServiceUrl, "task/fetch", TeamsActivities.DialogData("case.details", record.Reference), channelId, conversationId: record.StaffConversationId));
        var body = JObject.Parse(await details.Content.ReadAsStringAsync()).ToString();
        Assert.Contains("Friday works for me, thank you", body);
        Assert.Contains("unverified web chat visitor", body);
    }
}
