using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Storage;

/// <summary>Runs the turns of one conversation one after another (see <see cref="ConversationTurnLock"/>).</summary>
public sealed class SerialTurnsMiddleware(ConversationTurnLock turnLock) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            await next(cancellationToken);
            return;
        }

        await using (await turnLock.AcquireAsync($"{turnContext.Activity.ChannelId}/{conversationId}", cancellationToken))
        {
            await next(cancellationToken);
        }
    }
}
