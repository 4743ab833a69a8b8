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
        Pick("Are you unsure about what is wrong", "No"),
        Pick("other ways to treat this", "No"),
        Pick("worried about the risks", "No"),
        Pick("affect you for a long time", "No"),
    ];

    [Fact]
    public async Task Yes_to_adding_a_question_asks_for_the_words_instead_of_saving_yes_as_a_question()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "yes-sayer");
        var asked = await chat.PlayAsync(await chat.OpenAsync(), ToOwnQuestions);
        Assert.True(asked.Says("Do you want to add a question of your own?"), asked.AllText);

        var typeIt = await chat.SayAsync("yes");
        Assert.True(typeIt.Says("Type your question"), typeIt.AllText);

        var added = await chat.SayAsync("Will it heal?");
        Assert.True(added.Says("Added"), added.AllText);
        Assert.Equal(["Will it heal?"], (await chat.StoredDraftAsync())!.Questions);
    }

    [Fact]
    public async Task Questions_can_be_removed_and_reworded_by_number_where_the_list_is_shown_once()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "reviewer");
        var turns = new List<BotTurn>();
        var final = await chat.PlayAsync(await chat.OpenAsync(), [
            .. ToOwnQuestions,
            Type("a question of your own", "Is it bad?"),
            Type("1. Is it bad?", "Will it heal?"),
            Type("2. Will it heal?", "1"),
            Pick("remove question 1", "Remove it"),
            Type("1. Will it heal?", "1"),
            Pick("remove question 1", "Change the words"),
            Type("Type the new words for question 1", "How long until it heals?"),
            Type("1. How long until it heals?", "done"),
        ], turns.Add);

        Assert.True(final.RecordsCard() is not null || final.Says("records"), final.AllText);
        Assert.Equal(["How long until it heals?"], (await chat.StoredDraftAsync())!.Questions);

        // Each reply shows the list at most once.
        Assert.All(turns, t => Assert.True(System.Text.RegularExpressions.Regex.Count(t.AllText, "Your questions so far") <= 1, t.AllText));
    }
}
