using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.Tests.TestSupport;

namespace SecondOpinionBot.Dialogs.Tests;

public class PromptTests
{
    [Fact]
    public async Task TextPrompt_AcceptsTypedText()
    {
        await AskOnce.Bot(TestBot.TextId, new PromptOptions { Prompt = "Your name?" }).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Your name?")
            .Send("  Ana Lima ").AssertReply("Got \"Ana Lima\"")
            .StartTestAsync();
    }

    [Fact]
    public async Task TextPrompt_CardSubmitWithoutTextOrAnswer_AsksAgainInsteadOfFailing()
    {
        var adapter = TestBot.Adapter();
        await AskOnce.Bot(TestBot.TextId, new PromptOptions { Prompt = "Your name?", RetryPrompt = "Please type your name." }).Flow(adapter)
            .Send("hi").AssertReply("Your name?")
            .Send(TestBot.Submit(adapter, new { something = 1 })).AssertReply("Please type your name.")
            .Send(TestBot.Submit(adapter, new { answer = "Ana" })).AssertReply("Got \"Ana\"")
            .StartTestAsync();
    }

    [Fact]
    public async Task TextPrompt_InATeamsGroupChat_IgnoresTheMentionOfTheBot()
    {
        var adapter = TestBot.Adapter("msteams", "groupChat");
        var mention = adapter.MakeActivity("<at>Second Opinion</at> Ana Lima");
        var entity = new Microsoft.Bot.Schema.Entity();
        entity.SetAs(new Microsoft.Bot.Schema.Mention(mention.Recipient, "<at>Second Opinion</at>"));
        mention.Entities = [entity];
        await AskOnce.Bot(TestBot.TextId, new PromptOptions { Prompt = "Your name?" }).Flow(adapter)
            .Send("hi").AssertReply("Your name?")
            .Send(mention).AssertReply("Got \"Ana Lima\"")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yeah!", true)]
    [InlineData("sure", true)]
    [InlineData("yes please, of course", true)]
    [InlineData("nope", false)]
    [InlineData("Not really.", false)]
    [InlineData("no", false)]
    public async Task ConfirmPrompt_UnderstandsEverydayYesAndNo(string answer, bool expected)
    {
        await AskOnce.Bot(TestBot.ConfirmId, new PromptOptions { Prompt = "Shall we go on?" }).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Shall we go on?")
            .Send(answer).AssertReply($"Got {(expected ? "true" : "false")}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("banana")]
    [InlineData("yes and no")]
    public async Task ConfirmPrompt_UnclearAnswers_AreAskedAgain(string answer)
    {
        await AskOnce.Bot(TestBot.ConfirmId, new PromptOptions { Prompt = "Shall we go on?", RetryPrompt = "Please say yes or no." }).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Shall we go on?")
            .Send(answer).AssertReply("Please say yes or no.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_UsesTheUsersLanguage()
    {
        await AskOnce.Bot(TestBot.ConfirmId, new PromptOptions { Prompt = "¿Seguimos?" }).Flow(TestBot.Adapter(locale: "es-MX"))
            .Send("hola").AssertReply(a => Assert.Equal(["Sí", "No"], Replies.SuggestedTitles(a)))
            .Send("claro").AssertReply("Got true")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("45", 45)]
    [InlineData("I'm forty five", 45)]
    [InlineData("2.5", 2.5)]
    public async Task NumberPrompt_AcceptsDigitsAndWords(string answer, double expected)
    {
        await AskOnce.Bot(TestBot.NumberId, new PromptOptions { Prompt = "How many?" }).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("How many?")
            .Send(answer).AssertReply($"Got {expected.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            .StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_RetriesThenGivesUpAfterMaxAttempts()
    {
        await AskOnce.Bot(TestBot.NumberId, new PromptOptions { Prompt = "How many?", RetryPrompt = "A number, please.", MaxAttempts = 3 }).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("How many?")
            .Send("lots").AssertReply("A number, please.")
            .Send("I don't know").AssertReply("A number, please.")
            .Send("hard to say").AssertReply(AskOnce.GaveUp)
            .StartTestAsync();
    }

    [Fact]
    public async Task GivingUp_LetsTheFlowOfferAPerson()
    {
        await new TestBot(u => IntakeFlow.Create(u)).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(IntakeFlow.AskName)
            .Send("Ana").AssertReply(IntakeFlow.AskAge)
            .Send("old").AssertReply(IntakeFlow.AgeRetry)
            .Send("very old").AssertReply(IntakeFlow.AgeRetry)
            .Send("older than you").AssertReply(IntakeFlow.GaveUpText)
            .StartTestAsync();
    }

    [Fact]
    public async Task Validator_RejectsWithItsOwnMessage_AndAcceptsAValidAnswer()
    {
        var adultAge = new NumberPrompt("age", (check, _) =>
        {
            var ok = check.Recognized.Value is >= 18 and <= 120;
            check.RetryMessage = ok ? null : $"This service is for adults; attempt {check.Attempt}.";
            return Task.FromResult(ok);
        });
        await AskOnce.Bot("age", new PromptOptions { Prompt = "Your age?" }, d => d.Add(adultAge)).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Your age?")
            .Send("12").AssertReply("This service is for adults; attempt 1.")
            .Send("34").AssertReply("Got 34")
            .StartTestAsync();
    }

    [Fact]
    public async Task PhoneNumberPrompt_FindsTheNumberInASentence_AndRejectsText()
    {
        await AskOnce.Bot(TestBot.PhoneId, new PromptOptions { Prompt = "Your phone?", RetryPrompt = "That did not look like a phone number." }).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Your phone?")
            .Send("I don't have one").AssertReply("That did not look like a phone number.")
            .Send("call me on 555-123-4567 after 5").AssertReply("Got \"555-123-4567\"")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("+1 555 013 9472", "+1 555 013 9472")]
    [InlineData("(555) 013-9472", "(555) 013-9472")]
    [InlineData("my cell is 555.013.9472, evenings", "555.013.9472")]
    [InlineData("+44  20 7946 0958", "+44 20 7946 0958")]
    public async Task PhoneNumberPrompt_KeepsTheWholeNumberWithItsCodes(string typed, string kept)
    {
        await AskOnce.Bot(TestBot.PhoneId, new PromptOptions { Prompt = "Your phone?", RetryPrompt = "That did not look like a phone number." }).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Your phone?")
            .Send(typed).AssertReply("Got " + System.Text.Json.JsonSerializer.Serialize(kept))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("call me at 3")]
    [InlineData("12 34")]
    public async Task PhoneNumberPrompt_RejectsTooFewDigits(string typed)
    {
        await AskOnce.Bot(TestBot.PhoneId, new PromptOptions { Prompt = "Your phone?", RetryPrompt = "That did not look like a phone number." }).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Your phone?")
            .Send(typed).AssertReply("That did not look like a phone number.")
            .StartTestAsync();
    }

    [Fact]
    public async Task EmailPrompt_FindsTheAddress_AndRejectsText()
    {
        await AskOnce.Bot(TestBot.EmailId, new PromptOptions { Prompt = "Your email?", RetryPrompt = "That did not look like an email address." }).Flow(TestBot.Adapter())
            .Send("hi").AssertReply("Your email?")
            .Send("ana at home").AssertReply("That did not look like an email address.")
            .Send("it's ana.lima@example.com thanks").AssertReply("Got \"ana.lima@example.com\"")
            .StartTestAsync();
    }
}
