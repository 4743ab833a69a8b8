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
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutEmptyCollections } },
    };

    private readonly StateProperty<T> _property = new(storage, StateScope.User, name, Written);

    private static void WithoutEmptyCollections(JsonTypeInfo type)
    {
        foreach (var property in type.Properties.Where(p => typeof(System.Collections.ICollection).IsAssignableFrom(p.PropertyType)))
        {
            property.ShouldSerialize = (_, value) => value is not System.Collections.ICollection { Count: 0 };
        }
    }

    /// <summary>The saved draft (a copy: change it through <see cref="SaveAsync"/>), or a new one. A draft this build cannot read starts fresh rather than failing the turn.</summary>
    public async Task<T> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _property.GetAsync(turnContext, new T(), cancellationToken);
        }
        catch (JsonException)
        {
            return new T();
        }
    }

    public Task<bool> ExistsAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        _property.ExistsAsync(turnContext, cancellationToken);

    /// <summary>Hands the draft to storage now; inside a host turn it lands with the turn's commit, in the same transaction as the turn's record.</summary>
    public Task SaveAsync(ITurnContext turnContext, T draft, CancellationToken cancellationToken = default) =>
        _property.SetAsync(turnContext, draft, cancellationToken);

    /// <summary>Load, change, save: the usual step.</summary>
    public async Task<T> UpdateAsync(ITurnContext turnContext, Action<T> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var draft = await GetAsync(turnContext, cancellationToken);
        change(draft);
        await SaveAsync(turnContext, draft, cancellationToken);
        return draft;
    }

    public Task ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        _property.DeleteAsync(turnContext, cancellationToken);
}
