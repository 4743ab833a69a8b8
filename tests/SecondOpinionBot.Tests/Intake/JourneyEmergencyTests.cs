using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Tests.Content;
using SecondOpinionBot.Tests.Support;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// Emergency words at any point of the journey get the emergency guidance first, in the same turn; the journey waits
/// until the user says "continue" and then asks the same question again. A case sent afterwards is urgent.
/// </summary>
public sealed class JourneyEmergencyTests
{
    private const string ChestPain = "I have chest pain";
    private const string NotAlive = "I don't want to be alive";

    [Fact]
    public async Task Chest_pain_at_a_text_question_pauses_the_journey_re_asks_after_continue_and_makes_the_case_urgent()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "emergency-text");
        var asked = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);
        Assert.True(asked.Says(MessageKeys.SituationDiagnosis), asked.AllText);

        var guidance = await chat.SayAsync(ChestPain);
        AssertGuidanceFirst(guidance, "911");
        Assert.True(guidance.Says(MessageKeys.EmergencyResume), guidance.AllText);
        Assert.False(guidance.Says(MessageKeys.SituationProposed), "The emergency words must not be taken as the answer.");

        // While paused, other words are not answers: the bot keeps waiting.
        var waiting = await chat.SayAsync("a sore back");
        Assert.True(waiting.Says(MessageKeys.EmergencyResume), waiting.AllText);
        Assert.False(waiting.Says(MessageKeys.SituationProposed), waiting.AllText);

        var resumed = await chat.SayAsync("continue");
        Assert.True(resumed.Says(MessageKeys.EmergencyResumed), resumed.AllText);
        Assert.True(resumed.Says(MessageKeys.SituationDiagnosis), resumed.AllText);

        await chat.PlayAsync(resumed, [.. ShortJourney.Situation("My back hurts"), .. ShortJourney.RestToSummary, .. ShortJourney.Send]);
        var sent = Assert.IsType<CaseRecord>(await chat.LatestCaseAsync());
        Assert.Equal(CasePriority.Urgent, sent.Priority);
        Assert.True(sent.Details.EmergencySignalled);
        Assert.Equal("My back hurts", sent.Details.Concern);
    }

    [Fact]
    public async Task Thoughts_of_self_harm_at_a_choice_question_get_the_crisis_line_and_the_same_choice_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "emergency-choice");
        var asked = await chat.PlayAsync(await chat.OpenAsync(), ShortJourney.Consent);
        Assert.Contains("I am the patient", asked.SuggestedActions);

        var guidance = await chat.SayAsync(NotAlive);
        AssertGuidanceFirst(guidance, "988");

        var resumed = await chat.SayAsync("continue");
        Assert.True(resumed.Says(MessageKeys.RoleAsk), resumed.AllText);
        Assert.Contains("I am the patient", resumed.SuggestedActions);
        Assert.True((await chat.StoredDraftAsync())!.EmergencySignalled);
    }

    [Fact]
    public async Task Emergency_words_inside_a_card_submit_get_guidance_and_the_card_question_is_asked_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "emergency-card");
        var card = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, Type(MessageKeys.SituationDiagnosis, "My back hurts")]);
        var choiceCard = Assert.Single(card.Cards, JourneyAnswers.IsChoiceCard);

        var data = (JObject)choiceCard["actions"]![0]!["data"]!.DeepClone();
        data["answer"] = ChestPain;
        var guidance = await chat.SubmitAsync(data);
        AssertGuidanceFirst(guidance, "911");

        var resumed = await chat.SayAsync("continue");
        Assert.Contains(Wording.Choice(SecondOpinionBot.Content.ChoiceSetIds.Proposal, "procedure"), resumed.CardChoices());
        var draft = await chat.StoredDraftAsync();
        Assert.Null(draft!.Proposed);
    }

    [Fact]
    public async Task After_the_case_is_sent_emergency_words_still_get_guidance_at_once()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "emergency-after");
        await chat.PlayAsync(await chat.OpenAsync(),
            [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary, .. ShortJourney.Send]);
        Assert.NotNull(await chat.LatestCaseAsync());

        AssertGuidanceFirst(await chat.SayAsync(ChestPain), "911");
        AssertGuidanceFirst(await chat.SayAsync(NotAlive), "988");
    }

    [Fact]
    public async Task An_emergency_before_the_user_agrees_to_saved_answers_still_makes_the_later_case_urgent()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "emergency-before-consent");
        await chat.OpenAsync();
        AssertGuidanceFirst(await chat.SayAsync("I can't breathe"), "911");

        var consent = await chat.SayAsync("continue");
        Assert.True(consent.Says(MessageKeys.WelcomeConsentAsk), consent.AllText);

        await chat.PlayAsync(consent,
            [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary, .. ShortJourney.Send]);
        Assert.Equal(CasePriority.Urgent, (await chat.LatestCaseAsync())!.Priority);
    }

    [Fact]
    public async Task Starting_over_after_an_emergency_still_sends_the_case_as_urgent()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "emergency-then-restart");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);
        AssertGuidanceFirst(await chat.SayAsync(ChestPain), "911");
        await chat.SayAsync("continue");

        await chat.SayAsync("start over");
        var again = await chat.SayAsync("yes");

        await chat.PlayAsync(again, [.. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary, .. ShortJourney.Send]);
        Assert.Equal(CasePriority.Urgent, (await chat.LatestCaseAsync())!.Priority);
    }

    [Theory]
    [InlineData("no chest pain, just a rash")]
    [InlineData("She denies chest pain")]
    public async Task A_negated_symptom_at_the_diagnosis_question_is_an_answer_not_an_emergency(string answer)
    {
        await using var chat = await JourneyChat.StartAsync(userId: "negation");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);

        var next = await chat.SayAsync(answer);

        Assert.False(next.Says("911"), next.AllText);
        Assert.True(next.Says(MessageKeys.SituationProposed), next.AllText);
        Assert.Equal(answer, (await chat.StoredDraftAsync())!.Concern);
    }

    [Fact]
    public async Task A_denied_thought_of_self_harm_gets_a_gentle_note_and_the_journey_goes_on()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "self-harm-note");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);

        var next = await chat.SayAsync("I'm not suicidal, just scared about the surgery");

        Assert.Equal(ContentFixture.English.Messages.Format(MessageKeys.EmergencySelfHarmNote, ("crisisLine", "988")), next.Texts[0]);
        Assert.True(next.Says(MessageKeys.SituationProposed), next.AllText);
        Assert.False(next.Says(MessageKeys.EmergencyResume), next.AllText);
        Assert.Equal("I'm not suicidal, just scared about the surgery", (await chat.StoredDraftAsync())!.Concern);
    }

    [Fact]
    public async Task Everyday_words_for_an_emergency_pause_the_journey_as_the_textbook_words_do()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "lay-words");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);

        AssertGuidanceFirst(await chat.SayAsync("my dad collapsed and isnt breathing"), "911");
        Assert.Null((await chat.StoredDraftAsync())!.Concern);
    }

    private static void AssertGuidanceFirst(BotTurn turn, string number)
    {
        Assert.NotEmpty(turn.Texts);
        Assert.Contains(number, turn.Texts[0], StringComparison.Ordinal);
    }
}
