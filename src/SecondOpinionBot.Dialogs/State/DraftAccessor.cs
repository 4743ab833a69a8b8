using System.Text.Json;
using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// A flow's answers so far, per user, typed and saved at once. Because the draft outlives the dialog stack, a reset
/// stack, a new conversation or a new browser tab resumes from it. Stored as System.Text.Json text in UserState.
/// </summary>
public sealed class DraftAccessor<T>(UserState userState, string name)
    where T : class, new()
{
    private readonly IStatePropertyAccessor<string> _property = userState.CreateProperty<string>(name);

    /// <summary>The saved draft, or a new one. A draft this build cannot read starts fresh rather than failing the turn.</summary>
    public async Task<T> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var json = await _property.GetAsync(turnContext, () => string.Empty, cancellationToken);
        if (string.IsNullOrEmpty(json))
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, DialogJson.Options) ?? new T();
        }
        catch (JsonException)
        {
            return new T();
        }
    }

    public async Task<bool> ExistsAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        => !string.IsNullOrEmpty(await _property.GetAsync(turnContext, () => string.Empty, cancellationToken));

    /// <summary>Writes through to storage now, not at the end of the turn, so an answer survives a crash later in the turn.</summary>
    public async Task SaveAsync(ITurnContext turnContext, T draft, CancellationToken cancellationToken = default)
    {
        await _property.SetAsync(turnContext, JsonSerializer.Serialize(draft, DialogJson.Options), cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <summary>Load, change, save: the usual step.</summary>
    public async Task<T> UpdateAsync(ITurnContext turnContext, Action<T> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var draft = await GetAsync(turnContext, cancellationToken);
        change(draft);
        await SaveAsync(turnContext, draft, cancellationToken);
        return draft;
    }

    public async Task ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await _property.DeleteAsync(turnContext, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }
}
