using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.Tests.TestSupport;

namespace SecondOpinionBot.Dialogs.Tests;

public class CoreDialogTests
{
    private sealed class RoundOptions
    {
        public int Round { get; set; } = 1;
    }

    [Fact]
    public async Task Waterfall_AsksEachQuestionInTurn_AndEndsWithTheAnswers()
    {
        var bot = new TestBot(u => IntakeFlow.Create(u));
        await bot.Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .Send("forty two").AssertReply("Thanks Ana, age 42.")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult!.Status);
        Assert.Equal("Ana", bot.LastResult.ValueAs<IntakeDraft>()!.Name);
    }

    [Fact]
    public async Task Waterfall_StepsSeeTypedOptionsAndValuesFromEarlierTurns()
    {
        var greet = new WaterfallDialog<RoundOptions>("greet")
            .AddStep((step, ct) =>
            {
                step.Values.Set("asked", $"round {step.Options.Round}");
                return step.PromptAsync(TestBot.TextId, new PromptOptions { Prompt = "Say something" }, ct);
            })
            .AddStep(async (step, ct) =>
            {
                await step.SendAsync($"{step.Values.Get<string>("asked")}: {step.ResultAs<string>()}", ct);
                return await step.EndDialogAsync(ct);
            });
        var root = new WaterfallDialog("root")
            .AddStep((step, ct) => step.BeginDialogAsync("greet", new RoundOptions { Round = 7 }, ct));

        await new TestBot(root, addDialogs: d => d.Add(greet)).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Say something")
            .Send("hello there").AssertReply("round 7: hello there")
            .StartTestAsync();
    }

    [Fact]
    public async Task ReplaceDialog_LoopsWithoutGrowingTheStack()
    {
        var menu = new WaterfallDialog<RoundOptions>("menu")
            .AddStep((step, ct) => step.PromptAsync(TestBot.ChoiceId, new PromptOptions
            {
                Prompt = $"Round {step.Options.Round}, depth {step.Context.Stack.Count}. Anything else?",
                Choices = [new Choice("more", "More"), new Choice("done", "Done")],
            }, ct))
            .AddStep(async (step, ct) => step.ResultAs<FoundChoice>()!.Value == "more"
                ? await step.ReplaceDialogAsync("menu", new RoundOptions { Round = step.Options.Round + 1 }, ct)
                : await step.EndDialogAsync(step.Options.Round, ct));

        var bot = new TestBot(menu);
        await bot.Flow(TestBot.Adapter())
            .Send("hi").AssertReply(a => Assert.Equal("Round 1, depth 1. Anything else?", a.AsMessageActivity().Text))
            .Send("more").AssertReply(a => Assert.Equal("Round 2, depth 1. Anything else?", a.AsMessageActivity().Text))
            .Send("more").AssertReply(a => Assert.Equal("Round 3, depth 1. Anything else?", a.AsMessageActivity().Text))
            .Send("done")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult!.Status);
        Assert.Equal(3, bot.LastResult.ValueAs<int>());
    }

    [Fact]
    public async Task CancelAll_FromDeepInside_EndsTheConversation_AndTheNextMessageStartsAgain()
    {
        var inner = new WaterfallDialog("inner")
            .AddStep((step, ct) => step.PromptAsync(TestBot.TextId, new PromptOptions { Prompt = "Inner question" }, ct))
            .AddStep((step, ct) => step.CancelAllDialogsAsync(ct));
        var component = new ComponentDialog("component").AddDialog(inner);
        var root = new WaterfallDialog("root")
            .AddStep((step, ct) => step.BeginDialogAsync("component", ct))
            .AddStep(async (step, ct) =>
            {
                await step.SendAsync("never reached", ct);
                return await step.EndDialogAsync(ct);
            });

        var bot = new TestBot(root, addDialogs: d => d.Add(component));
        await bot.Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Inner question")
            .Send("anything")
            .AssertNoReply()
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult!.Status);

        await bot.Flow(TestBot.Adapter()).Send("hi again").AssertReply("Inner question").StartTestAsync();
    }

    [Fact]
    public async Task NestedComponents_PassResultsUp_AndRepromptThroughTheLayers()
    {
        var leaf = new WaterfallDialog("leaf")
            .AddStep((step, ct) => step.PromptAsync(TestBot.ConfirmId, new PromptOptions { Prompt = "Do you have your scans?" }, ct))
            .AddStep((step, ct) => step.EndDialogAsync(step.ResultAs<bool>() ? "has scans" : "no scans", ct));
        var innerComponent = new ComponentDialog("records").AddDialog(leaf);
        var outerComponent = new ComponentDialog("preparation").AddDialog(innerComponent);
        var root = new WaterfallDialog("root")
            .AddStep((step, ct) => step.BeginDialogAsync("preparation", ct))
            .AddStep(async (step, ct) =>
            {
                await step.SendAsync($"Root got: {step.ResultAs<string>()}", ct);
                return await step.EndDialogAsync(ct);
            });

        await new TestBot(root, addDialogs: d => d.Add(outerComponent)).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Do you have your scans?")
            .Send("help").AssertReply(TestInterruptionHandler.HelpText).AssertReply("Do you have your scans?")
            .Send("yeah").AssertReply("Root got: has scans")
            .StartTestAsync();
    }
}
