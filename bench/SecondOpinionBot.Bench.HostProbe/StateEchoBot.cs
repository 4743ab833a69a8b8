using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.State;

namespace SecondOpinionBot.Bench.HostProbe;

/// <summary>
/// The "our host, echo" baseline: says the text back like the SDK sample, and does what a real turn does at least to
/// state on our storage, the way the bot does it (the engine's state documents): one read of the conversation's
/// state and one write.
/// </summary>
internal sealed class StateEchoBot(IStateStorage state) : ActivityHandler
{
    private readonly StateProperty<int> _turns = new(state, StateScope.Conversation, "benchEchoTurns");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var turns = await _turns.GetAsync(turnContext, 0, cancellationToken);
        await _turns.SetAsync(turnContext, turns + 1, cancellationToken);
        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var reply = $"Echo: {turnContext.Activity.Text}";
        return turnContext.SendActivityAsync(MessageFactory.Text(reply, reply), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text("Hello and welcome!"), cancellationToken);
        }
    }
}
