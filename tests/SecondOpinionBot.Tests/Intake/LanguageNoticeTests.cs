using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// Notices the outbox sends a patient later (here: their case was claimed) are written in the language the patient
/// chose, read from their draft in their own conversation, even when they chose it after sending the case.
/// </summary>
public sealed class LanguageNoticeTests : IDisposable
{
    private readonly SpanishContent _spanish = new();

    public void Dispose() => _spanish.Dispose();

    private Dictionary<string, string?> Settings()
    {
        var settings = _spanish.Settings();
        settings["Handoff:TenantId"] = TeamsActivities.Tenant;
        settings["Handoff:Outbox:RunWorker"] = "false";
        return settings;
    }

    [Fact]
    public async Task A_Teams_patient_who_switched_to_Spanish_after_sending_hears_of_the_claim_in_Spanish()
    {
        var factory = new BotAppFactory(Settings());
        await using var chat = await JourneyChat.StartAsync("msteams", "29:lucia", factory);
        chat.ConversationType = "personal";
        using var teams = factory.CreateClient();
        await PatientNotificationTests.BindBothQueuesAsync(teams, chat.Connector);
        await chat.CompleteJourneyAsync(new ScriptedAnswers { ContactMethods = "Phone" });
        Assert.True((await chat.SayAsync("Yes, send it")).Says(MessageKeys.HandoffSent));
        chat.Language = "es";
        Assert.True((await chat.SayAsync("español")).Says(MessageKeys.LanguageSwitched));

        var record = await PatientNotificationTests.ClaimAsync(factory, teams, chat.Connector, "msteams:29:lucia");

        var spanish = chat.HostContent.Messages;
        var notice = Assert.Single(chat.Connector.TextsIn(chat.ConversationId), t => spanish.Says(t, MessageKeys.HandoffClaimed));
        Assert.Contains(record.Reference, notice, StringComparison.Ordinal);
        Assert.False(Wording.Says(notice, MessageKeys.HandoffClaimed), notice);
        Assert.Equal("en", record.Details.Language); // the case was sent in English; the notice follows the later choice
    }

    [Fact]
    public async Task A_Teams_patient_whose_Teams_is_in_Spanish_hears_of_the_claim_in_Spanish_and_the_case_records_it()
    {
        var factory = new BotAppFactory(Settings());
        await using var chat = await JourneyChat.StartAsync("msteams", "29:mateo", factory);
        chat.ConversationType = "personal";
        using var teams = factory.CreateClient();
        await PatientNotificationTests.BindBothQueuesAsync(teams, chat.Connector);
        // The journey in English, then Teams in Spanish for the last message (a user who changed their Teams language).
        await chat.CompleteJourneyAsync(new ScriptedAnswers { ContactMethods = "Phone" });
        chat.Locale = "es-MX";
        chat.Language = "es";
        await chat.SayAsync(chat.HostContent.Choices(ChoiceSetIds.ConfirmSend)["send"].Label);

        var record = await PatientNotificationTests.ClaimAsync(factory, teams, chat.Connector, "msteams:29:mateo");

        Assert.Equal("es", record.Details.Language);
        Assert.Single(chat.Connector.TextsIn(chat.ConversationId), t => chat.HostContent.Messages.Says(t, MessageKeys.HandoffClaimed));
    }
}
