using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Summary;
using SecondOpinionBot.Tests.Content;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// After a few answers the bot cannot read, it says so and moves on instead of asking forever, with no silent guess:
/// the answer is stored as not known, the case needs a call (shown to staff), and a person is offered.
/// </summary>
public sealed class GivingUpTests
{
    private static async Task<BotTurn> AnswerUntilItMovesOnAsync(JourneyChat chat, string nonsense)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var turn = await chat.SayAsync(nonsense);
            if (turn.Says(MessageKeys.ErrorsTooManyTries) || turn.Says(MessageKeys.ErrorsNotKnown))
            {
                Assert.InRange(attempt, 2, 4);
                return turn;
            }
        }

        throw new Xunit.Sdk.XunitException("The bot kept asking the same question.");
    }

    [Fact]
    public async Task An_answer_that_fits_no_choice_gets_a_hint_and_the_same_question_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "off-choice");
        await chat.PlayAsync(await chat.OpenAsync(), ShortJourney.Consent);

        var retry = await chat.SayAsync("purple elephant");

        Assert.True(retry.Says(MessageKeys.ErrorsPickOne), retry.AllText);
        Assert.True(retry.Says(MessageKeys.RoleAsk), retry.AllText);
        Assert.Contains("I am the patient", retry.SuggestedActions);
    }

    [Fact]
    public async Task An_answer_that_is_neither_yes_nor_no_gets_a_hint_and_the_same_question_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "neither-yes-nor-no");
        await chat.PlayAsync(await chat.OpenAsync(), ShortJourney.Consent);
        await chat.SayAsync("delete my data");

        var retry = await chat.SayAsync("purple elephant");

        Assert.True(retry.Says(MessageKeys.ErrorsYesOrNo), retry.AllText);
        Assert.True(retry.Says(MessageKeys.CommandsDeleteAsk), retry.AllText);
        Assert.NotNull(await chat.UserStateAsync());
    }

    [Fact]
    public async Task No_clear_answer_to_consent_saves_nothing_and_shows_the_four_reasons()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "unclear-consent");
        await chat.OpenAsync();

        var moved = await AnswerUntilItMovesOnAsync(chat, "purple elephant");

        Assert.True(moved.Says(MessageKeys.ErrorsTooManyTries), moved.AllText);
        Assert.True(moved.NamesReason("diagnostic-clarity"), moved.AllText);
        Assert.Null(await chat.UserStateAsync());
    }

    [Fact]
    public async Task No_clear_answer_to_who_is_chatting_carries_on_as_the_patient()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "unclear-role");
        await chat.PlayAsync(await chat.OpenAsync(), ShortJourney.Consent);

        var moved = await AnswerUntilItMovesOnAsync(chat, "purple elephant");

        Assert.True(moved.Says(MessageKeys.SituationDiagnosis), moved.AllText);
        Assert.False(moved.Says(MessageKeys.RolePatientName), moved.AllText);
        var draft = (await chat.StoredDraftAsync())!;
        Assert.Null(draft.Role);
        Assert.Contains(CaseDetailsFields.Role, draft.NotKnown);
    }

    [Fact]
    public async Task At_a_choice_card_giving_up_stores_not_known_and_the_sent_case_needs_a_call()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "unclear-proposal");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, ScriptLine.Type(MessageKeys.SituationDiagnosis, "My back hurts")]);

        var moved = await AnswerUntilItMovesOnAsync(chat, "purple elephant");

        Assert.True(moved.Says(ContentFixture.English.Messages.Get(MessageKeys.ErrorsNotKnown)), moved.AllText);
        Assert.True(moved.Says(MessageKeys.SituationDateAsk), moved.AllText);
        var draft = (await chat.StoredDraftAsync())!;
        Assert.Null(draft.Proposed);
        Assert.Equal([CaseDetailsFields.Proposed], draft.NotKnown);

        var summary = await chat.PlayAsync(moved, [ScriptLine.Type(MessageKeys.SituationDateAsk, "skip"), ScriptLine.Type(MessageKeys.SituationClinic, "skip"),
            ScriptLine.Pick(MessageKeys.SituationSymptomsAsk, "About the same"), .. ShortJourney.RestToSummary[..5]]);
        for (var turns = 0; AnsweringScript.SummaryCard(summary) is null && turns < 20; turns++)
        {
            // Which records are asked depends on the answers: every one "doesn't apply".
            summary = summary.RecordsCard() is not null ? await chat.MarkRecordsAsync(summary, [], "Doesn't apply to me")
                : summary.Says(MessageKeys.NeedsAsk) ? await chat.ChooseAsync(summary, "None of these")
                : summary.Says(MessageKeys.ContactMethodAsk) ? await chat.ChooseAsync(summary, "This web chat")
                : await chat.SayAsync("skip");
        }

        Assert.True(summary.Says(MessageKeys.SummaryNotKnown), summary.AllText);
        await chat.PlayAsync(summary, ShortJourney.Send);
        var sent = (await chat.LatestCaseAsync())!;
        Assert.True(sent.Details.NeedsCall());
        Assert.Contains(Wording.Messages.Get(StaffMessageKeys.CardFactsNeedsCall), new SecondOpinionBot.Staff.CaseDetailsCard(sent, [], CanMessagePatient: false, Words: new SecondOpinionBot.Staff.StaffText(SecondOpinionBot.Tests.Content.ContentFixture.Catalogs)).ToJson());
    }

    [Fact]
    public async Task At_a_yes_no_question_giving_up_stores_not_known_instead_of_not_sure()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "unclear-reason");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation()]);

        var moved = await AnswerUntilItMovesOnAsync(chat, "purple elephant");

        Assert.True(moved.AsksAbout("treatment-confidence"), moved.AllText);
        Assert.Equal([CaseDetailsFields.Reasons], (await chat.StoredDraftAsync())!.NotKnown);
    }

    [Fact]
    public async Task At_a_date_question_giving_up_stores_no_date_and_not_known()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "unclear-date");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, ScriptLine.Type(MessageKeys.SituationDiagnosis, "My back hurts"),
            ScriptLine.Pick(MessageKeys.SituationProposed, "A test or scan"), ScriptLine.Type(MessageKeys.SituationProposedDetail, "skip")]);

        var moved = await AnswerUntilItMovesOnAsync(chat, "purple elephant");

        Assert.True(moved.Says(MessageKeys.SituationClinic), moved.AllText);
        var draft = (await chat.StoredDraftAsync())!;
        Assert.Null(draft.PlannedDate);
        Assert.Equal([CaseDetailsFields.PlannedDate], draft.NotKnown);
    }

    [Fact]
    public async Task A_date_given_up_on_reads_not_known_on_the_summary_and_answering_it_after_change_makes_it_known()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "unclear-date-fixed");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, ScriptLine.Type(MessageKeys.SituationDiagnosis, "My back hurts"),
            ScriptLine.Pick(MessageKeys.SituationProposed, "A test or scan"), ScriptLine.Type(MessageKeys.SituationProposedDetail, "skip")]);
        var moved = await AnswerUntilItMovesOnAsync(chat, "purple elephant");

        var summary = await ToSummaryAsync(chat, moved);
        var card = AnsweringScript.SummaryCard(summary)!;
        Assert.Equal(ContentFixture.English.Messages.Get(MessageKeys.SummaryNotKnown), PlannedDateFact(card));

        // The patient fixes it: the situation again, this time with a date.
        var edit = await chat.SubmitAsync(AnsweringScript.EditPayload(card, "situation"));
        var fixedSummary = await chat.PlayAsync(edit, [
            ScriptLine.Type(MessageKeys.SituationDiagnosis, "My back hurts"),
            ScriptLine.Pick(MessageKeys.SituationProposed, "A test or scan"),
            ScriptLine.Type(MessageKeys.SituationProposedDetail, "skip"),
            ScriptLine.Type(MessageKeys.SituationDateAsk, "December 14"),
            ScriptLine.Type(Expected.Message(MessageKeys.SituationDateReadBack, ("date", "Monday, December 14, 2026")), "yes"),
            ScriptLine.Type(MessageKeys.SituationClinic, "skip"),
            ScriptLine.Pick(MessageKeys.SituationSymptomsAsk, "About the same"),
        ]);

        var draft = (await chat.StoredDraftAsync())!;
        Assert.Equal(new DateOnly(2026, 12, 14), draft.PlannedDate);
        Assert.Empty(draft.NotKnown);
        Assert.False(draft.NeedsCall());
        Assert.DoesNotContain(ContentFixture.English.Messages.Get(MessageKeys.SummaryNotKnown), PlannedDateFact(AnsweringScript.SummaryCard(fixedSummary)!));
    }

    private static string PlannedDateFact(Newtonsoft.Json.Linq.JObject card) =>
        card.Descendants().OfType<Newtonsoft.Json.Linq.JObject>()
            .Where(o => o["title"]?.ToString() == EnglishPlannedDateLabel && o["value"] is not null)
            .Select(o => o["value"]!.ToString()).Single();

    private static string EnglishPlannedDateLabel => ContentFixture.English.SummaryCardText().PlannedDateLabel;

    /// <summary>From the clinic question on: every record "doesn't apply", no needs, this chat, no time.</summary>
    private static async Task<BotTurn> ToSummaryAsync(JourneyChat chat, BotTurn shown)
    {
        for (var turns = 0; AnsweringScript.SummaryCard(shown) is null && turns < 30; turns++)
        {
            shown = shown.RecordsCard() is not null ? await chat.MarkRecordsAsync(shown, [], "Doesn't apply to me")
                : shown.Says(MessageKeys.SituationSymptomsAsk) ? await chat.ChooseAsync(shown, "About the same")
                : AnsweringScript.IsReasonQuestion(shown) ? await chat.SayAsync("no")
                : shown.Says(MessageKeys.NeedsAsk) ? await chat.ChooseAsync(shown, "None of these")
                : shown.Says(MessageKeys.ContactMethodAsk) ? await chat.ChooseAsync(shown, "This web chat")
                : await chat.SayAsync("skip");
        }

        Assert.NotNull(AnsweringScript.SummaryCard(shown));
        return shown;
    }
}
