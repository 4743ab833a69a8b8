using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Content;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// Questions are not stored as answers. At a choice, yes/no or date question a question that is not a choice is never
/// the answer: the glossary or the FAQ answers it, or it is kept for our team; the same question comes back and the
/// stored draft is unchanged. At a free-text question a question is a fair answer.
/// </summary>
public sealed class QuestionsAtPromptsTests
{
    private static MessageCatalog Messages => ContentFixture.English.Messages;

    private static async Task<(JourneyChat Chat, BotTurn Card)> AtTheProposalCardAsync(string user)
    {
        var chat = await JourneyChat.StartAsync(userId: user);
        var card = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, Type(MessageKeys.SituationDiagnosis, "My back hurts")]);
        return (chat, card);
    }

    [Theory]
    [InlineData("wat does biopsy mean", "biopsy: A test where a doctor takes a tiny piece")]
    [InlineData("whats a second opinion", "second opinion: When another doctor looks")]
    [InlineData("is this free", "This chat is free.")]
    [InlineData("will my doctor mind?", "Most doctors are used to second opinions")]
    public async Task At_a_choice_card_a_known_question_is_answered_and_the_card_comes_back(string question, string answer)
    {
        var (chat, card) = await AtTheProposalCardAsync("q-known-" + question.Length);
        await using var _ = chat;
        var before = await chat.StoredDraftAsync();

        var reply = await chat.SayAsync(question);

        Assert.True(reply.Says(answer), reply.AllText);
        Assert.Equal(card.CardChoices(), reply.CardChoices());
        var after = await chat.StoredDraftAsync();
        Assert.Null(after!.Proposed);
        Assert.Equal(before!.Revision, after.Revision);
    }

    [Fact]
    public async Task At_a_choice_card_an_unanswerable_question_goes_to_our_team_and_the_card_comes_back()
    {
        var (chat, card) = await AtTheProposalCardAsync("q-team");
        await using var _ = chat;

        var reply = await chat.SayAsync("can my husband come to the visit?");

        Assert.Equal(Messages.Get(MessageKeys.QuestionsForTeam), reply.Paragraphs[0]);
        Assert.Equal(card.CardChoices(), reply.CardChoices());
        var draft = await chat.StoredDraftAsync();
        Assert.Null(draft!.Proposed);
        Assert.Equal(["can my husband come to the visit?"], draft.TeamQuestions);
    }

    [Fact]
    public async Task At_a_choice_card_a_worry_is_never_counted_as_a_wrong_answer()
    {
        var (chat, card) = await AtTheProposalCardAsync("q-worry");
        await using var _ = chat;

        for (var i = 0; i < 4; i++)
        {
            var reply = await chat.SayAsync("the pain in my back is getting worse");
            Assert.Equal(Messages.Get(MessageKeys.QuestionsNotedForTeam), reply.Paragraphs[0]);
            Assert.Equal(card.CardChoices(), reply.CardChoices());
        }

        var draft = await chat.StoredDraftAsync();
        Assert.Null(draft!.Proposed);
        Assert.Empty(draft.NotKnown);
    }

    [Fact]
    public async Task A_question_that_is_a_choice_word_for_word_is_still_an_answer()
    {
        var (chat, _) = await AtTheProposalCardAsync("q-exact");
        await using var __ = chat;

        await chat.SayAsync("biopsy?");

        Assert.Equal("A test or scan", (await chat.StoredDraftAsync())!.Proposed);
    }

    [Fact]
    public async Task At_a_yes_no_question_dont_no_means_not_sure_and_a_question_does_not_answer()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "q-yes-no");
        var asked = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation()]);
        Assert.True(asked.AsksAbout("diagnostic-clarity"), asked.AllText);

        var explained = await chat.SayAsync("whats a second opinion");
        Assert.True(explained.Explains("second opinion"), explained.AllText);
        Assert.True(explained.AsksAbout("diagnostic-clarity"), explained.AllText);

        var teamQuestion = await chat.SayAsync("is that the same as a diagnosis?");
        Assert.Equal(Messages.Get(MessageKeys.QuestionsForTeam), teamQuestion.Paragraphs[0]);
        Assert.True(teamQuestion.AsksAbout("diagnostic-clarity"), teamQuestion.AllText);

        var next = await chat.SayAsync("dont no");
        Assert.True(next.AsksAbout("treatment-confidence"), next.AllText);

        // "dont no" is "not sure", not "no": after the four, the bot says which reasons may fit, or that it can't tell.
        await chat.SayAsync("no");
        await chat.SayAsync("no");
        var end = await chat.SayAsync("no");
        Assert.True(end.Says(MessageKeys.ReasonsNotSureIntro) || end.Says(MessageKeys.ReasonsNoSuggestion), end.AllText);
    }

    [Fact]
    public async Task At_a_free_text_question_a_worry_shaped_as_a_question_is_the_answer()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "q-free-text");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);

        var next = await chat.SayAsync("is it cancer?");

        Assert.True(next.Says(MessageKeys.SituationProposed), next.AllText);
        Assert.Equal("is it cancer?", (await chat.StoredDraftAsync())!.Concern);
    }

    [Fact]
    public async Task At_the_detail_question_is_this_free_is_answered_not_stored_as_the_treatment()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "q-detail");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, Type(MessageKeys.SituationDiagnosis, "My back hurts"),
            Pick(MessageKeys.SituationProposed, "A treatment or medicine")]);

        var reply = await chat.SayAsync("is this free");

        Assert.True(reply.Answers("cost"), reply.AllText);
        Assert.True(reply.Says(MessageKeys.SituationProposedDetail), reply.AllText);
        Assert.Equal("A treatment or medicine", (await chat.StoredDraftAsync())!.Proposed);
    }

    [Fact]
    public async Task Terms_and_privacy_show_their_pages_and_the_question_comes_back()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "q-terms");
        await chat.PlayAsync(await chat.OpenAsync(), ShortJourney.Consent);

        var terms = await chat.SayAsync("terms");
        var privacy = await chat.SayAsync("privacy");

        Assert.Equal(Messages.Format(MessageKeys.CommandsTerms, ("link", "/terms")), terms.Paragraphs[0]);
        Assert.Equal(Messages.Format(MessageKeys.CommandsPrivacy, ("link", "/privacy")), privacy.Paragraphs[0]);
        Assert.True(privacy.Says(MessageKeys.RoleAsk), privacy.AllText);
    }

    [Fact]
    public async Task At_the_date_question_a_question_is_answered_or_kept_for_our_team_and_never_stored_as_the_date()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "q-date");
        var asked = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, Type(MessageKeys.SituationDiagnosis, "My back hurts"),
            Pick(MessageKeys.SituationProposed, "A test or scan"), Type(MessageKeys.SituationProposedDetail, "skip")]);
        Assert.True(asked.Says(MessageKeys.SituationDateAsk), asked.AllText);
        var before = (await chat.StoredDraftAsync())!;

        var known = await chat.SayAsync("wat does biopsy mean");
        Assert.True(known.Explains("biopsy"), known.AllText);
        Assert.True(known.Says(MessageKeys.SituationDateAsk), known.AllText);

        var forTeam = await chat.SayAsync("when will they tell me the date?");
        Assert.Equal(Messages.Get(MessageKeys.QuestionsForTeam), forTeam.Paragraphs[0]);
        Assert.True(forTeam.Says(MessageKeys.SituationDateAsk), forTeam.AllText);

        var draft = (await chat.StoredDraftAsync())!;
        Assert.Null(draft.PlannedDate);
        Assert.Empty(draft.NotKnown);
        Assert.Equal(before.Situations, draft.Situations);
        Assert.Equal(["when will they tell me the date?"], draft.TeamQuestions);

        // The question did not use up a try: a real answer still works, and a worry that says "no date" is an answer.
        var clinic = await chat.SayAsync("the scan isn't booked yet, no");
        Assert.True(clinic.Says(MessageKeys.SituationClinic) || clinic.Says(MessageKeys.SituationDateNotUnderstood), clinic.AllText);
        Assert.Null((await chat.StoredDraftAsync())!.PlannedDate);
    }
}
