using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.State;

namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// A test double for the bot with a few text commands, to observe what the host does with state and failures:
/// "remember X" keeps X as a user answer, "step N" sets the dialog position, "add N" reads the list, waits at the
/// <see cref="TurnGate"/> when one is registered, then appends; "boom" fails the turn, "recall" reports everything.
/// </summary>
public sealed class ProbeBot(IStateStorage state, TurnGate? gate = null) : ActivityHandler
{

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var answer = new StateProperty<string>(state, StateScope.User, "answer");
        var position = new StateProperty<int?>(state, StateScope.Conversation, DialogStackStore.DefaultPropertyName);
        var added = new StateProperty<List<int>>(state, StateScope.Conversation, "added");
        var text = turnContext.Activity.Text ?? "";
        var word = text.Split(' ', 2);
        switch (word[0])
        {
            case "remember":
                await answer.SetAsync(turnContext, word[1], cancellationToken);
                break;
            case "step":
                await position.SetAsync(turnContext, int.Parse(word[1], System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                break;
            case "add":
                var list = await added.GetAsync(turnContext, [], cancellationToken);
                if (gate is not null)
                {
                    await gate.PassAsync(cancellationToken);
                }

                list.Add(int.Parse(word[1], System.Globalization.CultureInfo.InvariantCulture));
                await added.SetAsync(turnContext, list, cancellationToken);
                break;
            case "boom":
                throw new InvalidOperationException("the turn failed");
            case "recall":
                var items = await added.GetAsync(turnContext, [], cancellationToken);
                var remembered = await answer.GetAsync(turnContext, "none", cancellationToken);
                var step = await position.GetAsync(turnContext, null, cancellationToken);
                await turnContext.SendActivityAsync(
                    $"answer={remembered};step={step?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"};added={string.Join(',', items.Order())}",
                    cancellationToken: cancellationToken);
                return;
        }

        await turnContext.SendActivityAsync("ok", cancellationToken: cancellationToken);
    }
}
