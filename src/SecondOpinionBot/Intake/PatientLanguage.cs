using Microsoft.Bot.Builder;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Language;
using SecondOpinionBot.Dialogs.State;

namespace SecondOpinionBot.Intake;

/// <summary>
/// The one place that decides which language the patient is spoken to in: the language they chose (kept with their
/// draft), else the channel's locale (Teams and Web Chat send the user's) when we have content for it, else the
/// default. Every patient turn, the turn-error apology and every notice the outbox sends them ask here.
/// </summary>
public sealed class PatientLanguage(ContentCatalogs content, IStateStorage state)
{
    private readonly DraftAccessor<IntakeDraft> _drafts = new(state, IntakeDraft.StatePropertyName);

    /// <summary>
    /// The rule. A regional locale the channel sent ("es-MX") is kept when it is the chosen language, so dates and
    /// numbers are read the local way; <paramref name="fallback"/> (e.g. the language a case was sent in) comes
    /// before the default.
    /// </summary>
    public static string Decide(ContentCatalogs content, string? chosen, string? channelLocale, string? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var channel = content.Find(channelLocale);
        if (content.Find(chosen) is { } kept)
        {
            return channel?.Culture == kept.Culture ? channelLocale! : kept.Culture;
        }

        if (channel is not null)
        {
            return channelLocale!;
        }

        return content.Find(fallback)?.Culture ?? content.Default.Culture;
    }

    /// <summary>Decides this turn's language (once per turn) and tells the dialog engine; returns the locale.</summary>
    public async Task<string> ForTurnAsync(ITurnContext turn, CancellationToken cancellationToken, string? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (TurnLanguage.IsChosen(turn) && TurnLanguage.LocaleOf(turn) is { } decided)
        {
            return decided;
        }

        var draft = await _drafts.GetAsync(turn, cancellationToken);
        var locale = Decide(content, draft.Language, turn.Activity.Locale, fallback);
        TurnLanguage.Choose(turn, locale);
        return locale;
    }

    /// <summary>Without reading storage (e.g. while apologising for a failed turn): this turn's language if decided, else by the channel.</summary>
    public string Known(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return TurnLanguage.IsChosen(turn) && TurnLanguage.LocaleOf(turn) is { } decided
            ? decided
            : Decide(content, null, turn.Activity.Locale);
    }

    /// <summary>The patient chose <paramref name="culture"/>: kept with their draft for every later turn. Returns the locale to speak now.</summary>
    public async Task<string> KeepAsync(ITurnContext turn, string culture, CancellationToken cancellationToken)
    {
        var catalog = content.Find(culture) ?? throw new ArgumentException($"No content for language '{culture}'.", nameof(culture));
        await _drafts.UpdateAsync(turn, d => d.Language = catalog.Culture, cancellationToken);
        var locale = Decide(content, catalog.Culture, turn.Activity.Locale);
        TurnLanguage.Choose(turn, locale);
        return locale;
    }
}
