using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.Tests.TestSupport;

namespace SecondOpinionBot.Dialogs.Tests;

public class CardSubmitTests
{
    private const string EditSectionId = "editSection";
    private const string AskAnythingElse = "Anything else to add?";

    private static readonly Choice[] Records =
    [
        new("imaging", "Scans"), new("pathology", "Pathology"), new("letters", "Letters"), new("labs", "Labs"),
    ];

    private sealed class EditOptions
    {
        public string Section { get; set; } = "";
    }

    private static TestBot TwoCardQuestions() => new(new WaterfallDialog("records")
        .AddStep((step, ct) => step.PromptAsync(TestBot.ChoiceId, new PromptOptions { Prompt = "Which record first?", Choices = Records }, ct))
        .AddStep((step, ct) => step.PromptAsync(TestBot.ChoiceId, new PromptOptions { Prompt = "Which record next?", Choices = Records }, ct))
        .AddStep(async (step, ct) =>
        {
            await step.SendAsync($"Next: {step.ResultAs<FoundChoice>()!.Value}", ct);
            return await step.EndDialogAsync(ct);
        }));

    private static TestBot SummaryWithEditButton() => new(
        new WaterfallDialog("summary")
            .AddStep((step, ct) => step.PromptAsync(TestBot.TextId, new PromptOptions { Prompt = AskAnythingElse }, ct))
            .AddStep(async (step, ct) =>
            {
                await step.SendAsync($"Added: {step.ResultAs<string>()}", ct);
                return await step.EndDialogAsync(ct);
            }),
        addDialogs: d => d.Add(new WaterfallDialog<EditOptions>(EditSectionId)
            .AddStep((step, ct) => step.PromptAsync(TestBot.TextId, new PromptOptions { Prompt = $"New text for {step.Options.Section}?" }, ct))
            .AddStep(async (step, ct) =>
            {
                await step.SendAsync($"Saved {step.Options.Section}.", ct);
                return await step.EndDialogAsync(ct);
            })));

    [Fact]
    public async Task SubmitFromAnOlderCard_IsRecognised_AndTheCurrentQuestionIsShownAgain()
    {
        var adapter = TestBot.Adapter("webchat");
        var bot = TwoCardQuestions();
        JObject? firstCard = null;
        JObject? secondCard = null;
        await bot.Flow(adapter)
            .Send("hi").AssertReply(a => firstCard = Replies.SubmitData(a))
            .Send("scans").AssertReply(a => secondCard = Replies.SubmitData(a))
            .StartTestAsync();

        await bot.Flow(adapter)
            .Send(TestBot.Submit(adapter, WithAnswer(firstCard!, "labs")))
            .AssertReply(TestLexicon.English.StaleCard)
            .AssertReply(a => Assert.Equal("Which record next?", (string?)Replies.ChoiceSet(a)["label"]))
            .Send(TestBot.Submit(adapter, WithAnswer(secondCard!, "labs")))
            .AssertReply("Next: labs")
            .StartTestAsync();
    }

    [Fact]
    public async Task DialogButton_StartsTheNamedDialogWithItsOptions_ThenReturnsToTheQuestion()
    {
        var adapter = TestBot.Adapter("msteams");
        var edit = CardPayload.ForDialog(EditSectionId, new EditOptions { Section = "history" });
        await SummaryWithEditButton().Flow(adapter)
            .Send("hi").AssertReply(AskAnythingElse)
            .Send(TestBot.Submit(adapter, edit)).AssertReply("New text for history?")
            .Send("Surgery in 2019").AssertReply("Saved history.").AssertReply(AskAnythingElse)
            .Send("No, that's all").AssertReply("Added: No, that's all")
            .StartTestAsync();
    }

    [Fact]
    public async Task DialogButton_ForTheFlowAlreadyUnderWay_ResumesItsCurrentQuestion()
    {
        var adapter = TestBot.Adapter("msteams");
        await SummaryWithEditButton().Flow(adapter)
            .Send("hi").AssertReply(AskAnythingElse)
            .Send(TestBot.Submit(adapter, CardPayload.ForDialog("summary"))).AssertReply(AskAnythingElse)
            .Send("Nothing").AssertReply("Added: Nothing")
            .StartTestAsync();
    }

    [Fact]
    public async Task DialogButton_WhenNothingIsActive_StartsTheDialog()
    {
        var adapter = TestBot.Adapter("msteams");
        await SummaryWithEditButton().Flow(adapter)
            .Send(TestBot.Submit(adapter, CardPayload.ForDialog(EditSectionId, new EditOptions { Section = "medications" })))
            .AssertReply("New text for medications?")
            .StartTestAsync();
    }

    [Fact]
    public async Task DialogButton_ForADialogThatNoLongerExists_IsTreatedAsAStaleCard()
    {
        var adapter = TestBot.Adapter("msteams");
        await SummaryWithEditButton().Flow(adapter)
            .Send("hi").AssertReply(AskAnythingElse)
            .Send(TestBot.Submit(adapter, CardPayload.ForDialog("removedDialog"))).AssertReply(TestLexicon.English.StaleCard).AssertReply(AskAnythingElse)
            .StartTestAsync();
    }

    [Fact]
    public async Task SubmitWithUnknownShape_AndNoText_DoesNotCrash_AndAsksAgain()
    {
        var adapter = TestBot.Adapter("webchat");
        await TwoCardQuestions().Flow(adapter)
            .Send("hi").AssertReply(a => Replies.Card(a))
            .Send(TestBot.Submit(adapter, new { unexpected = new { nested = 1 } }))
            .AssertReply(a => Assert.Equal("Which record first?", (string?)Replies.ChoiceSet(a)["label"]))
            .StartTestAsync();
    }

    private static JObject WithAnswer(JObject data, string answer)
    {
        var submit = (JObject)data.DeepClone();
        submit[CardPayload.AnswerKey] = answer;
        return submit;
    }
}
