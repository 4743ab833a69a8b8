using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.Tests.TestSupport;

namespace SecondOpinionBot.Dialogs.Tests;

public class CardFormPromptTests
{
    private const string FormId = "form";

    private sealed class Contact
    {
        public string? Phone { get; set; }

        public string? BestTime { get; set; }
    }

    private static readonly JsonObject ContactCard = new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "Input.Text", ["id"] = "phone" },
            new JsonObject { ["type"] = "Input.Text", ["id"] = "bestTime" }),
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = "Save" }),
    };

    private static TestBot Bot() => new(
        new WaterfallDialog("contact")
            .AddStep((step, ct) => step.PromptAsync(FormId, new PromptOptions { Prompt = "How can staff reach you?", RetryPrompt = "Please use the form.", Card = ContactCard }, ct))
            .AddStep(async (step, ct) =>
            {
                var contact = step.ResultAs<Contact>()!;
                await step.SendAsync($"Phone {contact.Phone}, best time {contact.BestTime}", ct);
                return await step.EndDialogAsync(ct);
            }),
        addDialogs: d => d.Add(new CardFormPrompt(FormId)));

    [Fact]
    public async Task FormCard_IsTagged_AndItsInputsReachTheFlowTyped()
    {
        var adapter = TestBot.Adapter("webchat");
        var bot = Bot();
        JObject? data = null;
        await bot.Flow(adapter)
            .Send("hi").AssertReply(a =>
            {
                Assert.Equal("How can staff reach you?", a.AsMessageActivity().Text);
                data = Replies.SubmitData(a);
            })
            .StartTestAsync();
        Assert.Equal(CardPayload.PromptKind, (string?)data!["so.kind"]);

        data["phone"] = "555-123-4567";
        data["bestTime"] = "mornings";
        await bot.Flow(adapter)
            .Send("I'd rather type").AssertReply(a => Assert.Equal("Please use the form.", a.AsMessageActivity().Text))
            .Send(TestBot.Submit(adapter, data)).AssertReply("Phone 555-123-4567, best time mornings")
            .StartTestAsync();
    }
}
