using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.Runner;
using SecondOpinionBot.Dialogs.State;

namespace SecondOpinionBot.Dialogs.Tests.TestSupport;

/// <summary>
/// A bot wired the way the host wires the engine: shared storage, the registered prompts, a root dialog, interruption
/// recognizers and handler. Several adapters (conversations, restarts) can share one storage.
/// </summary>
internal sealed class TestBot
{
    public const string TextId = "text";
    public const string ConfirmId = "confirm";
    public const string NumberId = "number";
    public const string ChoiceId = "choice";
    public const string MultiChoiceId = "multi";
    public const string DateId = "date";
    public const string PhoneId = "phone";
    public const string EmailId = "email";

    public TestBot(Dialog root, IStateStorage? storage = null, string flowVersion = "1", Action<DialogSet>? addDialogs = null, IPromptRewording? rewording = null)
        : this(_ => root, storage, flowVersion, addDialogs, rewording)
    {
    }

    public TestBot(Func<IStateStorage, Dialog> rootFactory, IStateStorage? storage = null, string flowVersion = "1", Action<DialogSet>? addDialogs = null, IPromptRewording? rewording = null)
    {
        Storage = storage ?? new MemoryStateStorage();
        var root = rootFactory(Storage);
        Dialogs = new DialogSet()
            .Add(root)
            .Add(new TextPrompt(TextId))
            .Add(new ConfirmPrompt(ConfirmId))
            .Add(new NumberPrompt(NumberId))
            .Add(new ChoicePrompt(ChoiceId))
            .Add(new MultiChoicePrompt(MultiChoiceId))
            .Add(new DateTimePrompt(DateId))
            .Add(new PhoneNumberPrompt(PhoneId))
            .Add(new EmailPrompt(EmailId))
            .Add(TestInterruptionHandler.ConfirmCancelDialog());
        addDialogs?.Invoke(Dialogs);
        Runner = new DialogRunner(
            Dialogs,
            new DialogStackStore(Storage),
            TestLexicon.Set,
            new DialogRunnerOptions { RootDialogId = root.Id, FlowVersion = flowVersion },
            [new EmergencyRecognizer(), new PhraseTableRecognizer(new()
            {
                ["help"] = InterruptionKind.Help,
                ["what does that mean"] = InterruptionKind.Help,
                ["cancel"] = InterruptionKind.Cancel,
                ["stop"] = InterruptionKind.Cancel,
            })],
            Handler,
            rewording: rewording);
    }

    public IStateStorage Storage { get; }

    public DialogSet Dialogs { get; }

    public DialogRunner Runner { get; }

    public TestInterruptionHandler Handler { get; } = new();

    public TurnResult? LastResult { get; private set; }

    public static TestAdapter Adapter(string channelId = "test", string conversationType = "personal", string conversationId = "conv1", string locale = "en-US")
    {
        var reference = TestAdapter.CreateConversation(conversationId, "user1", "bot");
        reference.ChannelId = channelId;
        reference.Conversation.ConversationType = conversationType;
        return new TestAdapter(reference) { Locale = locale };
    }

    public TestFlow Flow(TestAdapter adapter) => new(adapter, async (turn, ct) => LastResult = await Runner.RunAsync(turn, ct));

    /// <summary>A card submit: a value and no text.</summary>
    public static IActivity Submit(TestAdapter adapter, object value)
    {
        var activity = adapter.MakeActivity();
        activity.Text = null;
        activity.Value = value is System.Text.Json.Nodes.JsonNode node ? Newtonsoft.Json.Linq.JObject.Parse(node.ToJsonString()) : Newtonsoft.Json.Linq.JObject.FromObject(value);
        return activity;
    }
}
