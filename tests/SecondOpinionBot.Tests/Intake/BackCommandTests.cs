using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>"back" returns to the previous question, which takes a new answer; old cards no longer count.</summary>
public sealed class BackCommandTests
{
    [Fact]
    public async Task Back_at_a_choice_asks_the_previous_free_text_question_again_and_the_new_answer_replaces_the_old()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "going-back");
        var proposed = await chat.PlayAsync(await chat.OpenAsync(), [
            .. ShortJourney.Consent, .. ShortJourney.AsPatient,
            Type(MessageKeys.SituationDiagnosis, "My back hurts"),
        ]);
        Assert.True(proposed.Says(MessageKeys.SituationProposed), proposed.AllText);

        var back = await chat.SayAsync("go back");

        Assert.True(back.Says(MessageKeys.CommandsBack), back.AllText);
        Assert.True(back.Says(MessageKeys.SituationDiagnosis), back.AllText);
        var again = await chat.SayAsync("My knee is swollen");
        Assert.True(again.Says(MessageKeys.SituationProposed), again.AllText);
        Assert.Equal("My knee is swollen", (await chat.StoredDraftAsync())!.Concern);

        // The card shown before "back" is outdated: a click on it is not taken as the answer.
        var stale = await chat.ChooseAsync(proposed, "A test or scan");
        Assert.Null((await chat.StoredDraftAsync())!.Proposed);
        Assert.True(stale.Says(MessageKeys.SituationProposed), stale.AllText);
    }

    [Fact]
    public async Task In_Teams_back_is_in_the_command_menu_and_the_menu_item_goes_back()
    {
        var menu = SecondOpinionBot.Commands.CommandTable.InScope(SecondOpinionBot.Commands.CommandScope.Personal).Where(c => c.InMenu).ToList();
        var back = Assert.Single(menu, c => c.Id == SecondOpinionBot.Commands.CommandId.Back);
        Assert.True(menu.Count <= 10, $"Teams lists at most 10 commands; the patients' menu has {menu.Count}");
        await using var chat = await JourneyChat.StartAsync(channelId: "msteams", userId: "teams-going-back");
        var proposed = await chat.PlayAsync(await chat.OpenAsync(), [
            .. ShortJourney.Consent, .. ShortJourney.AsPatient,
            Type(MessageKeys.SituationDiagnosis, "My back hurts"),
        ]);
        Assert.True(proposed.Says(MessageKeys.SituationProposed), proposed.AllText);

        // Teams sends the menu item's title as the message.
        var again = await chat.SayAsync(back.Title);

        Assert.True(again.Says(MessageKeys.SituationDiagnosis), again.AllText);
    }

    [Fact]
    public async Task Back_twice_goes_two_questions_back_and_the_journey_carries_on_from_there()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "going-back-twice");
        await chat.PlayAsync(await chat.OpenAsync(), [
            .. ShortJourney.Consent, .. ShortJourney.AsPatient,
            Type(MessageKeys.SituationDiagnosis, "Headaches"),
            Pick(MessageKeys.SituationProposed, "A test or scan"),
            Type(MessageKeys.SituationProposedDetail, "An MRI"),
        ]);

        await chat.SayAsync("back");
        var twice = await chat.SayAsync("back");

        Assert.True(twice.Says(MessageKeys.SituationProposed), twice.AllText);
        await chat.PlayAsync(twice, [
            Pick(MessageKeys.SituationProposed, "Surgery or a procedure"),
            Type(MessageKeys.SituationProposedDetail, "A knee replacement"),
        ]);
        var draft = await chat.StoredDraftAsync();
        Assert.Equal("Surgery or a procedure: A knee replacement", draft!.Proposed);
    }

    [Fact]
    public async Task Back_at_the_needs_question_shows_the_whole_records_card_again_and_it_takes_new_answers()
    {
        // Between turns the card is kept only as its id and built again from the draft: it must come back whole.
        await using var chat = await JourneyChat.StartAsync(userId: "back-to-the-records");
        var card = await chat.PlayAsync(await chat.OpenAsync(), [
            .. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary[..5],
        ]);
        var records = card.RecordTitles();
        Assert.NotEmpty(records);
        var needs = await chat.MarkRecordsAsync(card, [], "Doesn't apply to me");
        Assert.True(needs.Says(MessageKeys.NeedsAsk), needs.AllText);

        var back = await chat.SayAsync("back");

        Assert.Equal(records, back.RecordTitles());
        var needsAgain = await chat.MarkRecordsAsync(back, [], "I have it");
        Assert.True(needsAgain.Says(MessageKeys.NeedsAsk), needsAgain.AllText);
        var draft = await chat.StoredDraftAsync();
        Assert.Equal(records.Count, draft!.Records.Count);
        Assert.All(draft.Records.Values, status => Assert.Equal(SecondOpinionBot.Handoff.RecordStatus.Have, status));

        // The needs question, kept by its ids between turns, still understands its choices' other words.
        var anythingElse = await chat.SayAsync("money");
        Assert.True(anythingElse.Says(MessageKeys.NeedsOtherAsk), anythingElse.AllText);
        Assert.Equal(["cost-aid"], (await chat.StoredDraftAsync())!.Needs);
    }

    [Fact]
    public async Task Back_at_the_first_question_says_there_is_none_and_asks_it_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "nothing-to-go-back-to");
        await chat.OpenAsync();

        var back = await chat.SayAsync("back");

        Assert.True(back.Says(MessageKeys.CommandsBackNone), back.AllText);
        Assert.True(back.Says(MessageKeys.WelcomeConsentAsk), back.AllText);
    }

    [Fact]
    public async Task Back_at_the_summary_asks_the_last_question_and_after_the_case_is_sent_there_is_nothing_to_go_back_to()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "back-from-summary");
        var summary = await chat.CompleteJourneyAsync();
        Assert.NotNull(AnsweringScript.SummaryCard(summary));

        var back = await chat.SayAsync("back");
        Assert.True(back.Says(MessageKeys.ContactTimesAsk), back.AllText);
        var again = await chat.SayAsync("any time");
        Assert.NotNull(AnsweringScript.SummaryCard(again));
        Assert.Equal("any time", (await chat.StoredDraftAsync())!.ContactTimes);

        var sent = await chat.SubmitAsync(AnsweringScript.ConfirmPayload(AnsweringScript.SummaryCard(again)!));
        Assert.True(sent.Says(MessageKeys.HandoffSent), sent.AllText);
        var afterwards = await chat.SayAsync("back");
        Assert.False(afterwards.Says(MessageKeys.ContactTimesAsk), afterwards.AllText);
        Assert.NotNull(await chat.LatestCaseAsync());
    }
}
