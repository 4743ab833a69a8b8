using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// A patient sends a case through the journey; a care team member claims it on the card in the bound Teams channel;
/// once the outbox drains, the patient hears who has their case, in the chat they used.
/// </summary>
public sealed class PatientNotificationTests
{
    private static Dictionary<string, string?> Settings() => new()
    {
        ["Handoff:TenantId"] = TeamsActivities.Tenant,
        ["Handoff:Outbox:RunWorker"] = "false",
    };

    [Fact]
    public async Task A_web_chat_patient_finds_the_claim_message_in_their_transcript()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var factory = new BotAppFactory(Settings(), WebChatPatient.InMemory);
        using var teams = factory.CreateClient();
        await BindBothQueuesAsync(teams, connector);
        var patient = await WebChatPatient.OpenAsync(factory);

        var summary = await AnsweringScript.CompleteJourneyAsync(patient.SayAsync);
        var card = AnsweringScript.SummaryCard(summary)!;
        var sent = await patient.SayAsync("Yes, send it");
        Assert.True(sent.Says(MessageKeys.HandoffSent), sent.AllText);
        Assert.NotNull(card);

        var record = await ClaimAsync(factory, teams, connector, "directline:" + patient.UserId);

        var transcript = (await patient.TranscriptAsync()).Select(a => a["text"]?.ToString() ?? "").ToList();
        var notice = Assert.Single(transcript, t => Wording.Says(t, MessageKeys.HandoffClaimed, ("staffName", "Ana")));
        Assert.Contains("Ana", notice, StringComparison.Ordinal);
        Assert.Contains(record.Reference, notice, StringComparison.Ordinal);
        Assert.Empty(connector.TextsIn(patient.Conversation.Id));
    }

    [Fact]
    public async Task A_teams_patient_gets_the_claim_message_in_their_personal_chat()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var factory = new BotAppFactory(Settings());
        await using var chat = await JourneyChat.StartAsync("msteams", "29:maya", factory);
        using var teams = factory.CreateClient();
        await BindBothQueuesAsync(teams, chat.Connector);

        await chat.CompleteJourneyAsync(new ScriptedAnswers { ContactMethods = "Phone" });
        var sent = await chat.SayAsync("Yes, send it");
        Assert.True(sent.Says(MessageKeys.HandoffSent), sent.AllText);

        var record = await ClaimAsync(factory, teams, chat.Connector, "msteams:29:maya");

        var notice = Assert.Single(chat.Connector.TextsIn(chat.ConversationId), t => Wording.Says(t, MessageKeys.HandoffClaimed));
        Assert.Contains(record.Reference, notice, StringComparison.Ordinal);
    }

    internal static async Task BindBothQueuesAsync(HttpClient teams, FakeBotConnector connector)
    {
        (await teams.PostAsync(TeamsActivities.ChannelMessage(connector.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel))).EnsureSuccessStatusCode();
        (await teams.PostAsync(TeamsActivities.ChannelMessage(connector.ServiceUrl, "set queue care-coordination", TeamsActivities.CoordinationChannel))).EnsureSuccessStatusCode();
    }

    /// <summary>Posts the staff card (drain), Ana claims it on the card in the queue's channel, then the notice goes out (drain).</summary>
    internal static async Task<CaseRecord> ClaimAsync(BotAppFactory factory, HttpClient teams, FakeBotConnector connector, string ownerKey)
    {
        var cases = factory.Services.GetRequiredService<ICaseStore>();
        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        await processor.DrainAsync();
        var record = (await cases.FindLatestForOwnerAsync(ownerKey, CancellationToken.None))!;
        Assert.NotNull(record.StaffConversationId);
        var channel = record.Queue == QueueNames.SocialWork ? TeamsActivities.SocialWorkChannel : TeamsActivities.CoordinationChannel;

        // Claiming asks the Teams roster that Ana is in the team.
        connector.AddTeamMember(TeamsActivities.Team, "29:" + TeamsActivities.Ana.AadObjectId, TeamsActivities.Ana.AadObjectId, TeamsActivities.Ana.Name);
        var claim = await teams.PostAsync(TeamsActivities.Invoke(
            connector.ServiceUrl, TeamsActivities.CardData("case.claim", record.Reference, record.Version), channel, conversationId: record.StaffConversationId));
        claim.EnsureSuccessStatusCode();
        Assert.Equal(CaseStatus.Claimed, (await cases.FindAsync(record.Reference, CancellationToken.None))!.Status);
        await processor.DrainAsync();
        return record;
    }
}
