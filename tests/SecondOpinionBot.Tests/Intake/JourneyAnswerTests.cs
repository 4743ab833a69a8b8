using SecondOpinionBot.Tests.Support;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>Everyday answers read the way the person meant them.</summary>
public sealed class JourneyAnswerTests
{
    private static readonly ScriptLine[] ToOwnQuestions =
    [
        .. ShortJourney.Consent,
        .. ShortJourney.AsPatient,
        .. ShortJourney.Situation(),
        Pick(Expected.ReasonQuestion("diagnostic-clarity"), "No"),
        Pick(Expected.ReasonQuestion("treatment-confidence"), "No"),
        Pick(Expected.ReasonQuestion("risk-reduction"), "No"),
        Pick(Expected.ReasonQuestion("long-term-value"), "No"),
    ];

    [Fact]
    public async Task Yes_to_adding_a_question_asks_for_the_words_instead_of_saving_yes_as_a_question()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "yes-sayer");
        var asked = await chat.PlayAsync(await chat.OpenAsync(), ToOwnQuestions);
        Assert.True(asked.Says(MessageKeys.QuestionsOwnAsk), asked.AllText);

        var typeIt = await chat.SayAsync("yes");
        Assert.True(typeIt.Says(MessageKeys.QuestionsOwnTypeIt), typeIt.AllText);

        var added = await chat.SayAsync("Will it heal?");
        Assert.True(added.Says(MessageKeys.QuestionsAdded), added.AllText);
        Assert.Equal(["Will it heal?"], (await chat.StoredDraftAsync())!.Questions);
    }

    [Fact]
    public async Task Questions_can_be_removed_and_reworded_by_number_where_the_list_is_shown_once()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "reviewer");
        var turns = new List<BotTurn>();
        var final = await chat.PlayAsync(await chat.OpenAsync(), [
            .. ToOwnQuestions,
            Type(MessageKeys.QuestionsOwnAsk, "Is it bad?"),
            Type(Expected.Message(MessageKeys.TextNumbered, ("number", "1"), ("text", "Is it bad?")), "Will it heal?"),
            Type(Expected.Message(MessageKeys.TextNumbered, ("number", "2"), ("text", "Will it heal?")), "1"),
            Pick(Expected.Message(MessageKeys.QuestionsRemoveOrChange, ("number", "1")), "Remove it"),
            Type(Expected.Message(MessageKeys.TextNumbered, ("number", "1"), ("text", "Will it heal?")), "1"),
            Pick(Expected.Message(MessageKeys.QuestionsRemoveOrChange, ("number", "1")), "Change the words"),
            Type(Expected.Message(MessageKeys.QuestionsRewordAsk, ("number", "1")), "How long until it heals?"),
            Type(Expected.Message(MessageKeys.TextNumbered, ("number", "1"), ("text", "How long until it heals?")), "done"),
        ], turns.Add);

        Assert.True(final.RecordsCard() is not null || final.Says(MessageKeys.RecordsIntro), final.AllText);
        Assert.Equal(["How long until it heals?"], (await chat.StoredDraftAsync())!.Questions);

        // Each reply shows the list at most once.
        Assert.All(turns, t => Assert.True(Wording.PatternOf(t.Messages.Get(MessageKeys.QuestionsReview), []).Count(t.AllText) <= 1, t.AllText));
    }
}
