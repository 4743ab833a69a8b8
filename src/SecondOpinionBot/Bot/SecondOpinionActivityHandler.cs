using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Bot;

/// <summary>Routes activities to the patient journey or staff features. Placeholder greeting until the journey lands.</summary>
public sealed class SecondOpinionActivityHandler : ActivityHandler
{
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                await turnContext.SendActivityAsync("Hello! I can help you get ready for a second medical opinion.", cancellationToken: cancellationToken);
                return;
            }
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync("I can help you get ready for a second medical opinion.", cancellationToken: cancellationToken);
    }
}
