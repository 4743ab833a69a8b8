using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Intake;

/// <summary>
/// After emergency guidance the journey waits until the user says to continue (kept with the conversation). It also
/// remembers that an emergency was told in this conversation, so a user who only agrees to saved answers afterwards
/// still gets an urgent case.
/// </summary>
public sealed class EmergencyPause(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<bool> _paused = conversationState.CreateProperty<bool>("EmergencyPause");
    private readonly IStatePropertyAccessor<bool> _fired = conversationState.CreateProperty<bool>("EmergencyFired");

    public Task<bool> IsPausedAsync(ITurnContext turn, CancellationToken cancellationToken) => _paused.GetAsync(turn, () => false, cancellationToken);

    public Task<bool> FiredInConversationAsync(ITurnContext turn, CancellationToken cancellationToken) => _fired.GetAsync(turn, () => false, cancellationToken);

    public async Task SetAsync(ITurnContext turn, bool paused, CancellationToken cancellationToken)
    {
        await _paused.SetAsync(turn, paused, cancellationToken);
        if (paused)
        {
            await _fired.SetAsync(turn, true, cancellationToken);
        }

        await conversationState.SaveChangesAsync(turn, cancellationToken: cancellationToken);
    }
}
