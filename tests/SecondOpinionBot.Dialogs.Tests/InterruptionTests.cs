using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Dialogs.Tests.TestSupport;

namespace SecondOpinionBot.Dialogs.Tests;

public class InterruptionTests
{
    [Fact]
    public async Task Help_AnswersAndAsksTheSameQuestionAgain_WithoutUsingUpAttempts()
    {
        await new TestBot(u => IntakeFlow.Create(u)).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .Send("help").AssertReply(TestInterruptionHandler.HelpText).AssertReply(IntakeFlow.AskAge)
            .Send("What does that mean?").AssertReply(TestInterruptionHandler.HelpText).AssertReply(IntakeFlow.AskAge)
            .Send("help").AssertReply(TestInterruptionHandler.HelpText).AssertReply(IntakeFlow.AskAge)
            .Send("42").AssertReply("Thanks Ana, age 42.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_AsksFirst_AndNoReturnsToTheQuestion()
    {
        await new TestBot(u => IntakeFlow.Create(u)).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .Send("stop").AssertReply("Do you want to stop?")
            .Send("no").AssertReply(IntakeFlow.AskAge)
            .Send("42").AssertReply("Thanks Ana, age 42.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_SaidAgainWhileConfirming_AsksTheSameConfirmationOnce()
    {
        await new TestBot(u => IntakeFlow.Create(u)).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("stop").AssertReply("Do you want to stop?")
            .Send("stop").AssertReply("Do you want to stop?")
            .Send("no").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_Confirmed_EndsTheFlow_AndTheNextVisitResumesFromTheDraft()
    {
        var bot = new TestBot(u => IntakeFlow.Create(u));
        await bot.Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .Send("cancel").AssertReply("Do you want to stop?")
            .Send("yes").AssertReply("Stopped. Say hi to start again.")
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult!.Status);

        await bot.Flow(TestBot.Adapter()).Send("hi").AssertReply(IntakeFlow.AskAge).StartTestAsync();
    }

    [Fact]
    public async Task Emergency_IsAnsweredAtOnce_DuringAnyQuestion_ThenTheQuestionComesBack()
    {
        var bot = new TestBot(u => IntakeFlow.Create(u));
        await bot.Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("I have crushing chest pain").AssertReply(TestInterruptionHandler.EmergencyText).AssertReply(IntakeFlow.AskName)
            .StartTestAsync();
        Assert.Equal([InterruptionKind.Emergency], bot.Handler.Seen);
    }

    [Fact]
    public async Task Emergency_TypedIntoACardField_IsHandledBeforeTheCardAnswer()
    {
        var adapter = TestBot.Adapter("webchat");
        await new TestBot(u => IntakeFlow.Create(u)).Flow(adapter)
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send(TestBot.Submit(adapter, new { answer = "Ana", notes = "chest pain since this morning" }))
            .AssertReply(TestInterruptionHandler.EmergencyText)
            .AssertReply(IntakeFlow.AskName)
            .StartTestAsync();
    }

    [Fact]
    public async Task Emergency_ComesFirst_EvenWhenTheStoredPositionIsLost()
    {
        var storage = new SecondOpinionBot.Dialogs.State.MemoryStateStorage();
        var adapter = TestBot.Adapter();
        await new TestBot(u => IntakeFlow.Create(u), storage, flowVersion: "1").Flow(adapter)
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .StartTestAsync();

        await new TestBot(u => IntakeFlow.Create(u), storage, flowVersion: "2").Flow(adapter)
            .Send("chest pain")
            .AssertReply(TestInterruptionHandler.EmergencyText)
            .AssertReply(TestLexicon.English.Restarted)
            .AssertReply(IntakeFlow.AskName)
            .StartTestAsync();
    }

    [Fact]
    public void Detector_PrefersAnEmergencyAnywhere_OverAnEarlierRecognizersHit()
    {
        var detector = new InterruptionDetector([
            new PhraseTableRecognizer(new() { ["help"] = InterruptionKind.Help }),
            new EmergencyRecognizer(),
        ]);
        var input = new UserInput("help", new System.Text.Json.Nodes.JsonObject { ["notes"] = "my chest pain is worse" });

        Assert.Equal(InterruptionKind.Emergency, detector.Detect(input, "en")?.Kind);
        Assert.Equal(InterruptionKind.Help, detector.Detect(new UserInput("help", null), "en")?.Kind);
        Assert.Null(detector.Detect(new UserInput(null, null), "en"));
    }

    [Fact]
    public void Detector_IgnoresTheEnginesOwnCardTags()
    {
        var detector = new InterruptionDetector([new PhraseTableRecognizer(new() { ["help"] = InterruptionKind.Help })]);
        var submit = CardPayload.ForDialog("help");

        Assert.Null(detector.Detect(new UserInput(null, submit), "en"));
    }
}
