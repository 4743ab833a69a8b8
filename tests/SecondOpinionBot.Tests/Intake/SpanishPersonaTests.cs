using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// Lucía's Teams is in Spanish (locale es-MX): the whole journey in Spanish through the real host and a Teams-shaped
/// fake Bot Connector, her answers in Spanish (a Spanish date, a phone number, "después de las 3"), to a confirmed
/// case whose channel card is in English with "Spanish" and the interpreter flag; the claim notice reaches her in Spanish.
/// Every line is recognised by its key in the Spanish content, every button by its Spanish label.
/// </summary>
public sealed class SpanishPersonaTests
{
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-6));

    [Fact]
    public async Task A_Spanish_speaking_Teams_patient_completes_the_journey_in_Spanish_and_staff_see_it_in_English_with_the_flag()
    {
        var settings = BotAppFactory.TeamAlwaysAtWork();
        settings["Handoff:TenantId"] = TeamsActivities.Tenant;
        settings["Handoff:Outbox:RunWorker"] = "false";
        var factory = new BotAppFactory(settings);
        await using var chat = await JourneyChat.StartAsync("msteams", "29:lucia-es", factory);
        chat.ConversationType = "personal";
        chat.Locale = "es-MX";
        chat.Language = "es";
        chat.LocalNow = Tuesday;
        using var teams = factory.CreateClient();
        await PatientNotificationTests.BindBothQueuesAsync(teams, chat.Connector);
        var es = chat.HostContent;
        string Choice(string set, string id) => es.Choices(set)[id].Label;
        var yes = es.Messages.Get(MessageKeys.EngineYesLabel);
        var no = es.Messages.Get(MessageKeys.EngineNoLabel);
        var turns = new List<BotTurn>();

        var opened = await chat.OpenAsync();
        Assert.False(Wording.Messages.Says(opened.AllText, MessageKeys.WelcomeIntro), opened.AllText);
        Assert.True(opened.Says(MessageKeys.WelcomeIntro), opened.AllText);
        var date = await chat.PlayAsync(opened, [
            Pick(MessageKeys.WelcomeConsentAsk, Choice(ChoiceSetIds.Consent, "yes")),
            Pick(MessageKeys.RoleAsk, Choice(ChoiceSetIds.Role, "patient")),
            Type(MessageKeys.SituationDiagnosis, "Me encontraron un bulto en el seno"),
            Pick(MessageKeys.SituationProposed, Choice(ChoiceSetIds.Proposal, "procedure")),
            Type(MessageKeys.SituationProposedDetail, "Una cirugía para quitarlo"),
        ], turns.Add);
        Assert.True(date.Says(MessageKeys.SituationDateAsk), date.AllText);
        var afterDate = await chat.SayAsync("el próximo viernes");
        turns.Add(afterDate);
        if (afterDate.Says(MessageKeys.SituationDateReadBack))
        {
            afterDate = await chat.SayAsync("sí");
            turns.Add(afterDate);
        }

        var summary = await chat.PlayAsync(afterDate, [
            Type(MessageKeys.SituationClinic, "Clínica del Norte"),
            Pick(MessageKeys.SituationSymptomsAsk, Choice(ChoiceSetIds.Urgency, "stable")),
            Pick(Expected.ReasonQuestion("diagnostic-clarity"), yes),
            Pick(Expected.ReasonQuestion("treatment-confidence"), yes),
            Pick(Expected.ReasonQuestion("risk-reduction"), no),
            Pick(Expected.ReasonQuestion("long-term-value"), no),
        ], turns.Add);
        // The suggested questions, the records card and the rest, answered with the Spanish labels the bot shows.
        Assert.True(summary.Says(MessageKeys.QuestionsIntro), summary.AllText);
        summary = await chat.ChooseAsync(summary, summary.CardChoices()[0]);
        turns.Add(summary);
        Assert.True(summary.Says(MessageKeys.QuestionsOwnOrChange), summary.AllText);
        summary = await chat.SayAsync("listo");
        turns.Add(summary);
        var records = summary.RecordTitles();
        Assert.NotEmpty(records);
        summary = await chat.MarkRecordsAsync(summary, [(records[0], es.Messages.Get(MessageKeys.RecordsCardNeedHelp))], es.Messages.Get(MessageKeys.RecordsCardHave));
        turns.Add(summary);
        summary = await chat.PlayAsync(summary, [
            Pick(MessageKeys.NeedsAsk, es.Need("transport").Label),
            Type(MessageKeys.NeedsOtherAsk, "saltar"),
            Pick(MessageKeys.ContactMethodAsk, Choice(ChoiceSetIds.ContactMethod, "phone")),
            Type(MessageKeys.ContactPhoneAsk, "(312) 555-0182"),
            Type(MessageKeys.ContactTimesAsk, "después de las 3"),
            Type(Expected.Message(MessageKeys.ContactTimesReadBack), "sí"),
        ], turns.Add);
        var sent = await chat.PlayAsync(summary, [Confirm()], turns.Add);

        Assert.True(sent.Says(MessageKeys.HandoffSent), sent.AllText);
        var everything = string.Join("\n", turns.Select(t => t.AllText));
        Assert.False(Wording.Messages.Says(everything, MessageKeys.SituationDiagnosis), "an English question slipped in:\n" + everything);
        Assert.False(Wording.Messages.Says(everything, MessageKeys.ContactMethodAsk), "an English question slipped in:\n" + everything);
        var record = Assert.IsType<CaseRecord>(await chat.LatestCaseAsync());
        Assert.Equal("es", record.Details.Language);
        Assert.Equal("312-555-0182", System.Text.RegularExpressions.Regex.Replace(record.Details.Phone ?? "", @"^\+?1?\D*(\d{3})\D*(\d{3})\D*(\d{4})$", "$1-$2-$3"));
        Assert.Equal(new DateOnly(2026, 12, 4), record.Details.PlannedDate);
        Assert.Equal("después de las 3", record.Details.ContactTimes);

        // The team's channel card: English words, the patient's language and the flag.
        await factory.Services.GetRequiredService<OutboxProcessor>().DrainAsync();
        var card = chat.Connector.CreatedConversations.Select(c => c.Body?["activity"]?["attachments"]?[0]?["content"]?.ToString() ?? "")
            .Single(c => c.Contains(record.Reference, StringComparison.Ordinal));
        Assert.True(Wording.Says(card, StaffMessageKeys.CardFactsLanguageInterpreter, ("language", "Spanish")), card);
        Assert.True(Wording.Says(card, StaffMessageKeys.CardButtonsClaim), card);
        Assert.DoesNotContain(es.Need("transport").Label, card, StringComparison.Ordinal);

        // Ana claims it; Lucía hears it in Spanish.
        await PatientNotificationTests.ClaimAsync(factory, teams, chat.Connector, "msteams:29:lucia-es");
        Assert.Single(chat.Connector.TextsIn(chat.ConversationId), t => es.Messages.Says(t, MessageKeys.HandoffClaimed));
    }
}
