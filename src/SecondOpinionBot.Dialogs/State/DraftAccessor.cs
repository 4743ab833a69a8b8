using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// A flow's answers so far, per user, typed and saved at once. Because the draft outlives the dialog stack, a reset
/// stack, a new conversation or a new browser tab resumes from it. Kept in the user's state document.
/// </summary>
/// <remarks>
/// Written without its null values and empty lists (read with <see cref="DialogJson.Options"/>, a missing property
/// keeps its initial value): a user's state lives for months, and a draft that is mostly unanswered (a new one, or
/// the one left once its case is sent) was mostly <c>null</c> and <c>[]</c>. So a draft type starts every collection
/// empty and every optional answer null.
/// </remarks>
public sealed class DraftAccessor<T>(IStateStorage storage, string name)
    where T : class, new()
{
    private static readonly JsonSerializerOptions Written = new(DialogJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DialogJson.WithoutEmptyCollections } },
    };

    private readonly StateProperty<T> _property = new(storage, StateScope.User, name, Written);

    /// <summary>
    /// The saved draft (a copy: change it through <see cref="SaveAsync"/>), or a new one. A draft this build cannot
    /// read starts fresh rather than failing the turn.
    /// </summary>
    /// <remarks>
    /// The stored JSON is parsed once per turn; the typed draft is then kept with the turn's state document and every
    /// call gets its own copy, so what a caller changes and does not save is never stored.
    /// </remarks>
    public async Task<T> GetAsync(ITurnContext turn, CancellationToken cancellationToken = default) =>
        await SharedAsync(turn, cancellationToken) is { } shared ? DraftCopy.Of(shared, Written) : new T();

    public Task<bool> ExistsAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        _property.ExistsAsync(turnContext, cancellationToken);

    /// <summary>
    /// Hands the draft to storage now (a copy of it, as it is now: later changes to <paramref name="draft"/> are not
    /// saved); inside a host turn it lands with the turn's commit, in the same transaction as the turn's record. Its
    /// JSON is written once per turn, when the turn's documents are.
    /// </summary>
    public Task SaveAsync(ITurnContext turnContext, T draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return SetSharedAsync(turnContext, DraftCopy.Of(draft, Written), cancellationToken);
    }

    /// <summary>Load, change, save: the usual step. Returns the saved draft (a copy, like <see cref="GetAsync"/>).</summary>
    public async Task<T> UpdateAsync(ITurnContext turnContext, Action<T> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var draft = await GetAsync(turnContext, cancellationToken);
        change(draft);

        // This copy is nobody else's: it becomes the document's own, and the caller gets another.
        await SetSharedAsync(turnContext, draft, cancellationToken);
        return DraftCopy.Of(draft, Written);
    }

    public Task ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        _property.DeleteAsync(turnContext, cancellationToken);

    /// <summary>The turn's own draft (never handed out), parsed from the document the first time; null when there is none or it cannot be read.</summary>
    private async Task<T?> SharedAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var document = await _property.DocumentAsync(turn, cancellationToken);
        if (document.TryGetValue<T>(_property.Name, out var kept))
        {
            return kept;
        }

        if (document.Get(_property.Name) is not { } json)
        {
            return null;
        }

        try
        {
            if (StateProperty<T>.TryRead(json, out var parsed))
            {
                document.Keep(_property.Name, parsed);
                return parsed;
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task SetSharedAsync(ITurnContext turn, T owned, CancellationToken cancellationToken)
    {
        var document = await _property.DocumentAsync(turn, cancellationToken);
        document.SetValue(_property.Name, owned, Written);
        await _property.WriteAsync(document, cancellationToken);
    }
}
