using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.Tests.TestSupport;

namespace SecondOpinionBot.Dialogs.Tests;

public class ChoicePromptTests
{
    private static readonly Choice[] Three = [new("self", "For me"), new("child", "For my child"), new("other", "For someone else")];

    private static readonly Choice[] Five =
    [
        new("imaging", "Scans and imaging"), new("pathology", "Pathology report"), new("letters", "Doctor's letters"),
        new("labs", "Lab results"), new("meds", "Medication list"),
    ];

    private static PromptOptions Ask(IReadOnlyList<Choice> choices) => new() { Prompt = "Which one?", RetryPrompt = "Please pick one.", Choices = choices };

    [Theory]
    [InlineData("webchat", "personal")]
    [InlineData("msteams", "personal")]
    public async Task ThreeChoices_AreSuggestedActions_InWebChatAndTeamsPersonalChat(string channel, string conversationType)
    {
        await AskOnce.Bot(TestBot.ChoiceId, Ask(Three)).Flow(TestBot.Adapter(channel, conversationType))
            .Send("hi").AssertReply(a =>
            {
                Assert.Equal("Which one?", a.AsMessageActivity().Text);
                Assert.Equal(["For me", "For my child", "For someone else"], Replies.SuggestedTitles(a));
            })
            .Send("For my child").AssertReply("Got {\"value\":\"child\",\"index\":1}")
            .StartTestAsync();
    }

    [Fact]
    public async Task ThreeChoices_InATeamsGroupChat_AreACard_BecauseTeamsShowsNoSuggestedActionsThere()
    {
        await AskOnce.Bot(TestBot.ChoiceId, Ask(Three)).Flow(TestBot.Adapter("msteams", "groupChat"))
            .Send("hi").AssertReply(a =>
            {
                Assert.Empty(Replies.SuggestedTitles(a));
                Assert.Equal(3, Replies.ChoiceSet(a)["choices"]!.Count());
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("msteams")]
    public async Task MoreThanThreeChoices_AreAnAdaptiveCardWithAChoiceSet(string channel)
    {
        await AskOnce.Bot(TestBot.ChoiceId, Ask(Five)).Flow(TestBot.Adapter(channel))
            .Send("hi").AssertReply(a =>
            {
                var card = Replies.Card(a);
                Assert.Equal("1.5", (string?)card["version"]);
                // The question is the choice set's label, which a screen reader reads with the choices.
                var set = Replies.ChoiceSet(a);
                Assert.Equal("Which one?", (string?)set["label"]);
                Assert.Equal(CardPayload.AnswerKey, (string?)set["id"]);
                Assert.False((bool)set["isMultiSelect"]!);
                Assert.Equal(["Scans and imaging", "Pathology report", "Doctor's letters", "Lab results", "Medication list"], set["choices"]!.Select(c => (string)c["title"]!));
                var data = Replies.SubmitData(a);
                Assert.Equal("prompt", (string?)data["so.kind"]);
                Assert.Equal(TestBot.ChoiceId, (string?)data["dialog"]);
                Assert.Equal("Action.Submit", (string?)Replies.Card(a)["actions"]![0]!["type"]);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_prompt_with_an_intro_keeps_the_intro_as_text_and_labels_the_choices_with_the_question()
    {
        var options = new PromptOptions { Prompt = "Thanks, that helps.\n\nWhich one?", Choices = Five };
        await AskOnce.Bot(TestBot.ChoiceId, options).Flow(TestBot.Adapter("webchat"))
            .Send("hi").AssertReply(a =>
            {
                Assert.Equal("Thanks, that helps.", (string?)Replies.Card(a)["body"]![0]!["text"]);
                Assert.Equal("Which one?", (string?)Replies.ChoiceSet(a)["label"]);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ChannelsWithoutCards_GetANumberedList_AndTheNumberIsUnderstood()
    {
        await AskOnce.Bot(TestBot.ChoiceId, Ask(Five)).Flow(TestBot.Adapter("sms"))
            .Send("hi").AssertReply("Which one?\n\n1. Scans and imaging\n2. Pathology report\n3. Doctor's letters\n4. Lab results\n5. Medication list")
            .Send("4").AssertReply("Got {\"value\":\"labs\",\"index\":3}")
            .StartTestAsync();
    }

    [Fact]
    public async Task CardSubmit_WithOnlyAValue_AnswersTheQuestion()
    {
        var adapter = TestBot.Adapter("webchat");
        var bot = AskOnce.Bot(TestBot.ChoiceId, Ask(Five));
        JObject? data = null;
        await bot.Flow(adapter).Send("hi").AssertReply(a => data = Replies.SubmitData(a)).StartTestAsync();

        await bot.Flow(adapter)
            .Send(TestBot.Submit(adapter, With(data!, "labs"))).AssertReply("Got {\"value\":\"labs\",\"index\":3}")
            .StartTestAsync();
    }

    [Fact]
    public async Task TypedAnswer_ToACardQuestion_IsUnderstoodToo()
    {
        await AskOnce.Bot(TestBot.ChoiceId, Ask(Five)).Flow(TestBot.Adapter("msteams"))
            .Send("hi").AssertReply(a => Replies.Card(a))
            .Send("the second one").AssertReply("Got {\"value\":\"pathology\",\"index\":1}")
            .StartTestAsync();
    }

    [Fact]
    public async Task UnknownAnswer_IsAskedAgainWithTheSameChoices()
    {
        await AskOnce.Bot(TestBot.ChoiceId, Ask(Three)).Flow(TestBot.Adapter("webchat"))
            .Send("hi").AssertReply(a => Assert.Equal(3, Replies.SuggestedTitles(a).Length))
            .Send("the blue one").AssertReply(a =>
            {
                Assert.Equal("Please pick one.", a.AsMessageActivity().Text);
                Assert.Equal(3, Replies.SuggestedTitles(a).Length);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task MultiChoice_IsAMultiSelectCard_EvenForFewChoices_AndAcceptsTickedValues()
    {
        var adapter = TestBot.Adapter("webchat");
        var bot = AskOnce.Bot(TestBot.MultiChoiceId, Ask(Three));
        JObject? data = null;
        await bot.Flow(adapter).Send("hi").AssertReply(a =>
            {
                Assert.True((bool)Replies.ChoiceSet(a)["isMultiSelect"]!);
                data = Replies.SubmitData(a);
            })
            .StartTestAsync();

        await bot.Flow(adapter)
            .Send(TestBot.Submit(adapter, With(data!, "self,other")))
            .AssertReply("Got [{\"value\":\"self\",\"index\":0},{\"value\":\"other\",\"index\":2}]")
            .StartTestAsync();
    }

    [Fact]
    public async Task MultiChoice_UnderstandsATypedList()
    {
        await AskOnce.Bot(TestBot.MultiChoiceId, Ask(Five)).Flow(TestBot.Adapter("webchat"))
            .Send("hi").AssertReply(a => Replies.Card(a))
            .Send("1, 3 and medication list")
            .AssertReply("Got [{\"value\":\"imaging\",\"index\":0},{\"value\":\"letters\",\"index\":2},{\"value\":\"meds\",\"index\":4}]")
            .StartTestAsync();
    }

    private static JObject With(JObject data, string answer)
    {
        var submit = (JObject)data.DeepClone();
        submit[CardPayload.AnswerKey] = answer;
        return submit;
    }
}
