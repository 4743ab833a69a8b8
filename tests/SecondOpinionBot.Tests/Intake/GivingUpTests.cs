namespace SecondOpinionBot.Tests.Intake;

/// <summary>After a few answers the bot cannot read, it moves on kindly with a safe default instead of asking forever.</summary>
public sealed class GivingUpTests
{
    private static async Task<BotTurn> AnswerUntilItMovesOnAsync(JourneyChat chat, string nonsense)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var turn = await chat.SayAsync(nonsense);
            if (turn.Says("Let's move on"))
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

        Assert.True(retry.Says("Please pick one of the choices, or type its number"), retry.AllText);
        Assert.True(retry.Says("Are you the patient"), retry.AllText);
        Assert.Contains("I am the patient", retry.SuggestedActions);
    }

    [Fact]
    public async Task An_answer_that_is_neither_yes_nor_no_gets_a_hint_and_the_same_question_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "neither-yes-nor-no");
        await chat.PlayAsync(await chat.OpenAsync(), ShortJourney.Consent);
        await chat.SayAsync("delete my data");

        var retry = await chat.SayAsync("purple elephant");

        Assert.True(retry.Says("Please answer yes or no"), retry.AllText);
        Assert.True(retry.Says("Do you want me to delete everything"), retry.AllText);
        Assert.NotNull(await chat.UserStateAsync());
    }

    [Fact]
    public async Task No_clear_answer_to_consent_saves_nothing_and_shows_the_four_reasons()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "unclear-consent");
        await chat.OpenAsync();

        var moved = await AnswerUntilItMovesOnAsync(chat, "purple elephant");

        Assert.True(moved.Says("talk to a person"), moved.AllText);
        Assert.True(moved.Says("Being sure of the diagnosis"), moved.AllText);
        Assert.Null(await chat.UserStateAsync());
    }

    [Fact]
    public async Task No_clear_answer_to_who_is_chatting_carries_on_as_the_patient()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "unclear-role");
        await chat.PlayAsync(await chat.OpenAsync(), ShortJourney.Consent);

        var moved = await AnswerUntilItMovesOnAsync(chat, "purple elephant");

        Assert.True(moved.Says("What health problem"), moved.AllText);
        Assert.False(moved.Says("first name of the person"), moved.AllText);
    }
}
