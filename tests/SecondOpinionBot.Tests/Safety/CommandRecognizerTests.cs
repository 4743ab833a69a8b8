using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Safety;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.Safety;

public sealed class CommandRecognizerTests
{
    private readonly CommandRecognizer _recognizer = new(ContentFixture.Catalogs);

    [Theory]
    [InlineData("help", InterruptionKind.Help, null)]
    [InlineData("Help!", InterruptionKind.Help, null)]
    [InlineData("?", InterruptionKind.Help, null)]
    [InlineData("what can you do?", InterruptionKind.Help, null)]
    [InlineData("cancel", InterruptionKind.Cancel, null)]
    [InlineData("Start over please", InterruptionKind.Cancel, CommandDetails.StartOver)]
    [InlineData("can I start again", InterruptionKind.Cancel, CommandDetails.StartOver)]
    [InlineData("I want to talk to a person", InterruptionKind.TalkToPerson, null)]
    [InlineData("speak to someone", InterruptionKind.TalkToPerson, null)]
    [InlineData("status", InterruptionKind.Status, null)]
    [InlineData("what's happening with my case?", InterruptionKind.Status, null)]
    [InlineData("please delete my data", InterruptionKind.DeleteMyData, null)]
    [InlineData("Forget me", InterruptionKind.DeleteMyData, null)]
    [InlineData("What do you know about me?", InterruptionKind.WhatDoYouKnow, null)]
    [InlineData("bot, what do you have on me", InterruptionKind.WhatDoYouKnow, null)]
    public void CommandPhrases_AreRecognised(string text, InterruptionKind kind, string? detail)
    {
        var result = _recognizer.Recognize(text, "en");

        Assert.Equal(new Interruption(kind, detail), result);
    }

    [Theory]
    [InlineData("hlep", InterruptionKind.Help, null)]
    [InlineData("helpp", InterruptionKind.Help, null)]
    [InlineData("stat us", InterruptionKind.Status, null)]
    [InlineData("talk to a human pls", InterruptionKind.TalkToPerson, null)]
    [InlineData("i want a real person", InterruptionKind.TalkToPerson, null)]
    [InlineData("tlak to a person", InterruptionKind.TalkToPerson, null)]
    [InlineData("terms", InterruptionKind.Help, CommandDetails.Terms)]
    [InlineData("privacy policy", InterruptionKind.Help, CommandDetails.Privacy)]
    public void Typos_and_everyday_wordings_of_commands_are_understood(string text, InterruptionKind kind, string? detail)
        => Assert.Equal(new Interruption(kind, detail), _recognizer.Recognize(text, "en"));

    [Theory]
    [InlineData("cancle")]
    [InlineData("strat over")]
    [InlineData("delet my data")]
    [InlineData("forgett me")]
    [InlineData("stuff")]
    public void Cancelling_and_deleting_never_run_on_a_near_miss(string text)
        => Assert.Null(_recognizer.Recognize(text, "en"));

    [Theory]
    [InlineData("I need help getting it")]
    [InlineData("help with transport")]
    [InlineData("what is the status of my biopsy")]
    [InlineData("I don't want to cancel my surgery")]
    [InlineData("my data shows my blood sugar is high")]
    [InlineData("please")]
    [InlineData("")]
    public void CommandWordsInsideLongerAnswers_AreLeftToTheDialog(string text)
    {
        Assert.Null(_recognizer.Recognize(text, "en"));
    }
}
