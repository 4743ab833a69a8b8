using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Intake.Cards;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// The doctor caring for the patient now is its own optional step: on a card, the doctor's name, the clinic or
/// practice and their phone, each with its label; typed words answer too; a channel without cards asks in words.
/// </summary>
public sealed class DoctorStepTests
{
    private static ScriptLine[] ToTheDoctorStep { get; } =
    [
        .. ShortJourney.Consent, .. ShortJourney.AsPatient,
        Type(MessageKeys.SituationDiagnosis, "My knee hurts"),
        Pick(MessageKeys.SituationProposed, "A test or scan"),
        Type(MessageKeys.SituationProposedDetail, "skip"),
        Type(MessageKeys.SituationDateAsk, "no"),
    ];

    private static JObject DoctorCardOf(BotTurn turn) =>
        turn.Cards.LastOrDefault(c => c.Descendants().OfType<JObject>().Any(o => o["id"]?.ToString() == DoctorCard.NameId))
        ?? throw new InvalidOperationException("No doctor card:\n" + turn.AllText);

    [Fact]
    public async Task The_doctor_card_has_three_labelled_optional_fields_and_keeps_what_was_filled_in()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "doctor-card");
        var shown = await chat.PlayAsync(await chat.OpenAsync(), ToTheDoctorStep);
        var card = DoctorCardOf(shown);
        var fields = card.Descendants().OfType<JObject>().Where(o => o["type"]?.ToString() == "Input.Text").ToList();
        Assert.Equal([DoctorCard.NameId, DoctorCard.PracticeId, DoctorCard.PhoneId], fields.Select(f => f["id"]!.ToString()));
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f["label"]?.ToString())));
        Assert.All(fields, f => Assert.NotEqual(true, f["isRequired"]?.Value<bool>()));

        var data = (JObject)card["actions"]![0]!["data"]!.DeepClone();
        data[DoctorCard.NameId] = "Dr Ana Lee";
        data[DoctorCard.PracticeId] = "";
        data[DoctorCard.PhoneId] = "312-555-0100";
        var next = await chat.SubmitAsync(data);

        Assert.True(next.Says(MessageKeys.SituationSymptomsAsk), next.AllText);
        Assert.Equal("Dr Ana Lee, 312-555-0100", (await chat.StoredDraftAsync())!.CurrentClinic);
    }

    [Fact]
    public async Task Saving_the_card_empty_skips_the_step()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "doctor-card-empty");
        var card = DoctorCardOf(await chat.PlayAsync(await chat.OpenAsync(), ToTheDoctorStep));

        var next = await chat.SubmitAsync((JObject)card["actions"]![0]!["data"]!.DeepClone());

        Assert.True(next.Says(MessageKeys.SituationSymptomsAsk), next.AllText);
        Assert.Null((await chat.StoredDraftAsync())!.CurrentClinic);
    }

    [Fact]
    public async Task Typed_words_at_the_card_are_the_answer()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "doctor-card-typed");
        await chat.PlayAsync(await chat.OpenAsync(), ToTheDoctorStep);

        var next = await chat.SayAsync("Dr Lee at City Clinic");

        Assert.True(next.Says(MessageKeys.SituationSymptomsAsk), next.AllText);
        Assert.Equal("Dr Lee at City Clinic", (await chat.StoredDraftAsync())!.CurrentClinic);
    }

    [Fact]
    public async Task Without_cards_the_step_is_one_question_in_words()
    {
        await using var chat = await JourneyChat.StartAsync(channelId: "sms", userId: "doctor-words");
        var shown = await chat.PlayAsync(await chat.OpenAsync(), [
            Type(MessageKeys.WelcomeConsentAsk, "yes"),
            Type(MessageKeys.RoleAsk, "I am the patient"),
            Type(MessageKeys.SituationDiagnosis, "My knee hurts"),
            Type(MessageKeys.SituationProposed, "A test or scan"),
            Type(MessageKeys.SituationProposedDetail, "skip"),
            Type(MessageKeys.SituationDateAsk, "no"),
        ]);

        Assert.Empty(shown.Cards);
        Assert.True(shown.Says(MessageKeys.SituationClinicInWords), shown.AllText);
        await chat.SayAsync("Dr Lee 312-555-0100");
        Assert.Equal("Dr Lee 312-555-0100", (await chat.StoredDraftAsync())!.CurrentClinic);
    }
}
