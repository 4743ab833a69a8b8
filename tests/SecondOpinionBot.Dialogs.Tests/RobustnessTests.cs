using Microsoft.Bot.Builder;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Dialogs.Tests.TestSupport;

namespace SecondOpinionBot.Dialogs.Tests;

public class RobustnessTests
{
    [Fact]
    public async Task AfterARestart_ANewProcessOverTheSameStorage_ContinuesTheWaitingQuestion()
    {
        var storage = new MemoryStateStorage();
        await new TestBot(u => IntakeFlow.Create(u), storage).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();

        await new TestBot(u => IntakeFlow.Create(u), storage).Flow(TestBot.Adapter())
            .Send("42").AssertReply("Thanks Ana, age 42.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ANewConversation_ResumesFromTheUsersDraft()
    {
        var bot = new TestBot(u => IntakeFlow.Create(u));
        await bot.Flow(TestBot.Adapter(conversationId: "tab1"))
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();

        await bot.Flow(TestBot.Adapter(conversationId: "tab2"))
            .Send("hello again").AssertReply(IntakeFlow.AskAge)
            .Send("42").AssertReply("Thanks Ana, age 42.")
            .StartTestAsync();
    }

    [Fact]
    public async Task StoredStackNamingARemovedDialog_ApologisesAndResumesFromTheDraft()
    {
        var storage = new MemoryStateStorage();
        await new TestBot(u => IntakeFlow.Create(u, id: "intakeV1"), storage).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();

        await new TestBot(u => IntakeFlow.Create(u, id: "intakeV2"), storage).Flow(TestBot.Adapter())
            .Send("42").AssertReply(TestLexicon.English.Restarted).AssertReply(IntakeFlow.AskAge)
            .Send("42").AssertReply("Thanks Ana, age 42.")
            .StartTestAsync();
    }

    [Fact]
    public async Task AChangedWaterfall_IsNotResumedAtAStaleStep()
    {
        var storage = new MemoryStateStorage();
        await new TestBot(u => IntakeFlow.Create(u), storage).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();

        await new TestBot(u => IntakeFlow.Create(u, steps: 4), storage).Flow(TestBot.Adapter())
            .Send("42").AssertReply(TestLexicon.English.Restarted).AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();
    }

    [Fact]
    public async Task AChangedFlowVersion_ApologisesAndResumesFromTheDraft()
    {
        var storage = new MemoryStateStorage();
        await new TestBot(u => IntakeFlow.Create(u), storage, flowVersion: "2026.1").Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();

        await new TestBot(u => IntakeFlow.Create(u), storage, flowVersion: "2026.2").Flow(TestBot.Adapter())
            .Send("42").AssertReply(TestLexicon.English.Restarted).AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();
    }

    [Fact]
    public async Task AnUnreadableStoredStack_ApologisesInsteadOfFailing()
    {
        var bot = new TestBot(u => IntakeFlow.Create(u));
        var adapter = TestBot.Adapter();
        // As the SDK's ConversationState kept it: JSON text in a string, here not JSON at all.
        var property = new StateProperty<string>(bot.Storage, StateScope.Conversation, DialogStackStore.DefaultPropertyName);
        await new Microsoft.Bot.Builder.Adapters.TestFlow(adapter, (turn, ct) => property.SetAsync(turn, "{ this is not json", ct))
            .Send("corrupt it")
            .StartTestAsync();

        await bot.Flow(adapter)
            .Send("hi").AssertReply(TestLexicon.English.Restarted).AssertReply(IntakeFlow.AskName)
            .StartTestAsync();
    }

    [Fact]
    public async Task Restart_DropsThePosition_AndTheRootResumesFromTheDraft()
    {
        var bot = new TestBot(u => IntakeFlow.Create(u));
        var adapter = TestBot.Adapter();
        await bot.Flow(adapter)
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();

        await new Microsoft.Bot.Builder.Adapters.TestFlow(adapter, (turn, ct) => bot.Runner.RestartAsync(turn, ct))
            .Send(new Microsoft.Bot.Schema.Activity(Microsoft.Bot.Schema.ActivityTypes.ConversationUpdate))
            .AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();
    }

    [Fact]
    public async Task NonMessageActivities_LeaveTheConversationAsItIs()
    {
        var bot = new TestBot(u => IntakeFlow.Create(u));
        var adapter = TestBot.Adapter();
        await bot.Flow(adapter)
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send(new Microsoft.Bot.Schema.Activity(Microsoft.Bot.Schema.ActivityTypes.Typing)).AssertNoReply()
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .StartTestAsync();
    }
}
