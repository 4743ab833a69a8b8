using System.Text.Json;
using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// Keeps the dialog stack in ConversationState as System.Text.Json text: the storage layer (Newtonsoft) only ever sees a
/// string, so no type names are written and a stack from an older build can never deserialize into the wrong type.
/// </summary>
public sealed class DialogStackStore(ConversationState conversationState, string propertyName = DialogStackStore.DefaultPropertyName)
{
    /// <summary>The ConversationState property that holds the stack (the position only; answers live in drafts).</summary>
    public const string DefaultPropertyName = "DialogStack";

    private readonly IStatePropertyAccessor<string> _property = conversationState.CreateProperty<string>(propertyName);

    /// <summary>The stored stack, a fresh one if none, or null if what is stored cannot be read (then recover).</summary>
    public async Task<DialogStack?> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var json = await _property.GetAsync(turnContext, () => string.Empty, cancellationToken);
        if (string.IsNullOrEmpty(json))
        {
            return new DialogStack();
        }

        try
        {
            return JsonSerializer.Deserialize<DialogStack>(json, DialogJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task SaveAsync(ITurnContext turnContext, DialogStack stack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);

        // An empty stack is no position at all: nothing is kept (e.g. right after "delete my data").
        if (stack.Frames.Count == 0)
        {
            await _property.DeleteAsync(turnContext, cancellationToken);
        }
        else
        {
            await _property.SetAsync(turnContext, JsonSerializer.Serialize(stack, DialogJson.Options), cancellationToken);
        }

        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <summary>Forget the position (e.g. from the host's turn-error handler, so an error cannot loop).</summary>
    public async Task ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await _property.DeleteAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }
}
