using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Intake;

/// <summary>After emergency guidance the journey waits until the user says to continue (kept with the conversation).</summary>
public sealed class EmergencyPause(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<bool> _paused = conversationState.CreateProperty<bool>("EmergencyPause");

    public Task<bool> IsPausedAsync(ITurnContext turn, CancellationToken cancellationToken) => _paused.GetAsync(turn, () => false, cancellationToken);

    public async Task SetAsync(ITurnContext turn, bool paused, CancellationToken cancellationToken)
    {
        await _paused.SetAsync(turn, paused, cancellationToken);
        await conversationState.SaveChangesAsync(turn, cancellationToken: cancellationToken);
    }
}
