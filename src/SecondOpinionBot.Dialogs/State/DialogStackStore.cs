using System.Text.Json;
using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// Keeps the dialog stack in the conversation's state document as System.Text.Json: no type names are written, so a
/// stack from an older build can never deserialize into the wrong type.
/// </summary>
public sealed class DialogStackStore(IStateStorage storage, string propertyName = DialogStackStore.DefaultPropertyName)
{
    /// <summary>The conversation state value that holds the stack (the position only; answers live in drafts).</summary>
    public const string DefaultPropertyName = "DialogStack";

    private readonly StateProperty<DialogStack> _property = new(storage, StateScope.Conversation, propertyName, DialogJson.Compact);

    /// <summary>The stored stack, a fresh one if none, or null if what is stored cannot be read (then recover).</summary>
    public async Task<DialogStack?> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return await _property.GetAsync(turnContext, new DialogStack(), cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public Task SaveAsync(ITurnContext turnContext, DialogStack stack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);

        // An empty stack is no position at all: nothing is kept (e.g. right after "delete my data").
        return stack.Frames.Count == 0
            ? _property.DeleteAsync(turnContext, cancellationToken)
            : _property.SetAsync(turnContext, stack, cancellationToken);
    }

    /// <summary>Forget the position (e.g. from the host's turn-error handler, so an error cannot loop).</summary>
    public Task ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _property.DeleteAsync(turnContext, cancellationToken);
}
