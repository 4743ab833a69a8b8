using Microsoft.Bot.Builder;
using SecondOpinionBot.Dialogs.State;

namespace SecondOpinionBot.Intake;

/// <summary>
/// After emergency guidance the journey waits until the user says to continue (kept with the conversation). It also
/// remembers that an emergency was told in this conversation, so a user who only agrees to saved answers afterwards
/// still gets an urgent case.
/// </summary>
public sealed class EmergencyPause(IStateStorage state)
{
    private readonly StateProperty<bool> _paused = new(state, StateScope.Conversation, "EmergencyPause");
    private readonly StateProperty<bool> _fired = new(state, StateScope.Conversation, "EmergencyFired");

    public Task<bool> IsPausedAsync(ITurnContext turn, CancellationToken cancellationToken) => _paused.GetAsync(turn, false, cancellationToken);

    public Task<bool> FiredInConversationAsync(ITurnContext turn, CancellationToken cancellationToken) => _fired.GetAsync(turn, false, cancellationToken);

    public async Task SetAsync(ITurnContext turn, bool paused, CancellationToken cancellationToken)
    {
        // Only what is true is kept: a conversation that never had an emergency stores neither value.
        if (paused)
        {
            await _paused.SetAsync(turn, true, cancellationToken);
            await _fired.SetAsync(turn, true, cancellationToken);
        }
        else
        {
            await _paused.DeleteAsync(turn, cancellationToken);
        }
    }
}
