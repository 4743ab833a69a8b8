using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// A flow's answers so far, per user, typed and saved at once. Because the draft outlives the dialog stack, a reset
/// stack, a new conversation or a new browser tab resumes from it. Stored as System.Text.Json text in UserState.
/// </summary>
/// <remarks>
/// Written without its null values and empty lists (read with <see cref="DialogJson.Options"/>, a missing property
/// keeps its initial value): a user's state lives for months, and a draft that is mostly unanswered (a new one, or
/// the one left once its case is sent) was mostly <c>null</c> and <c>[]</c>. So a draft type starts every collection
/// empty and every optional answer null.
/// </remarks>
public sealed class DraftAccessor<T>(UserState userState, string name)
    where T : class, new()
{
    private readonly IStatePropertyAccessor<string> _property = userState.CreateProperty<string>(name);

    private static readonly JsonSerializerOptions Written = new(DialogJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutEmptyCollections } },
    };

    private static void WithoutEmptyCollections(JsonTypeInfo type)
    {
        foreach (var property in type.Properties.Where(p => typeof(System.Collections.ICollection).IsAssignableFrom(p.PropertyType)))
        {
            property.ShouldSerialize = (_, value) => value is not System.Collections.ICollection { Count: 0 };
        }
    }

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
        await _property.SetAsync(turnContext, JsonSerializer.Serialize(draft, Written), cancellationToken);
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
