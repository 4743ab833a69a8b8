using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Content;
using Choice = SecondOpinionBot.Dialogs.Choices.Choice;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.Intake;

/// <summary>
/// What every journey dialog needs: the content in the user's language, the user's draft, and the deployment's
/// emergency number. Dialogs are singletons; everything per user comes through the turn.
/// </summary>
public sealed class JourneyKit(ContentCatalogs content, IStateStorage state, IOptions<EmergencyOptions> emergency, TimeProvider clock)
{
    public const int MaxFreeTextLength = 500;

    private readonly DraftAccessor<IntakeDraft> _drafts = new(state, IntakeDraft.StatePropertyName);

    public TimeProvider Clock => clock;

    public string EmergencyNumber => emergency.Value.Number;

    /// <summary>The content in the patient's language this turn (decided once per turn by <see cref="PatientLanguage"/>).</summary>
    public ContentCatalog Content(ITurnContext turn) => content.For(Dialogs.Language.TurnLanguage.LocaleOf(turn));

    /// <summary>Every language's content (to offer the other languages, or understand an answer given in another).</summary>
    public ContentCatalogs Languages => content;

    public string Say(ITurnContext turn, MessageKey key, params (string Name, string Value)[] values) =>
        values.Length == 0 ? Content(turn).Messages.Get(key) : Content(turn).Messages.Format(key, values);

    public Task<IntakeDraft> DraftAsync(ITurnContext turn, CancellationToken cancellationToken) => _drafts.GetAsync(turn, cancellationToken);

    /// <summary>Saves a change to the draft at once (answers survive a crash later in the turn).</summary>
    public Task<IntakeDraft> UpdateAsync(ITurnContext turn, Action<IntakeDraft> change, CancellationToken cancellationToken) =>
        _drafts.UpdateAsync(turn, draft =>
        {
            change(draft);
            draft.Revision++;
        }, cancellationToken);

    public Task<IntakeDraft> CompleteSectionAsync(ITurnContext turn, string section, CancellationToken cancellationToken) =>
        UpdateAsync(turn, draft =>
        {
            if (!draft.CompletedSections.Contains(section))
            {
                draft.CompletedSections.Add(section);
            }

            draft.LastStep = section;
        }, cancellationToken);

    /// <summary>
    /// A question. Without its own retry text, a question with choices says how to answer it ("pick one of the
    /// choices, or type its number") before asking again. How it was written is kept with it, so it can be asked
    /// again in another language (<see cref="JourneyPromptRewording"/>).
    /// </summary>
    public PromptOptions Ask(ITurnContext turn, MessageKey key, IReadOnlyList<Choice>? choices = null, MessageKey? retry = null, params (string Name, string Value)[] values)
    {
        var lead = retry is null && choices is { Count: > 0 } ? RetryLeads.PickOne : null;
        return Write(Content(turn), new PromptWording
        {
            Prompt = key.Name,
            Retry = retry?.Name,
            RetryLead = lead,
            Values = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal),
            ChoiceSet = (choices as ContentChoices)?.SetId,
            Languages = (choices as ContentChoices)?.WithLanguages ?? false,
        }, choices ?? []);
    }

    /// <summary>A yes/no question; an answer that is neither says so before asking again.</summary>
    public PromptOptions AskYesNo(ITurnContext turn, MessageKey key, params (string Name, string Value)[] values) =>
        Write(Content(turn), new PromptWording
        {
            Prompt = key.Name,
            RetryLead = RetryLeads.YesOrNo,
            Values = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal),
        }, []);

    /// <summary>The question <paramref name="wording"/> describes, in <paramref name="catalog"/>'s language.</summary>
    internal static PromptOptions Write(ContentCatalog catalog, PromptWording wording, IReadOnlyList<Choice> choices)
    {
        var values = wording.Values.Select(v => (v.Key, v.Value)).ToArray();
        var prompt = catalog.Messages.Format(new MessageKey(wording.Prompt, [.. wording.Values.Keys]), values);
        return new PromptOptions
        {
            Prompt = prompt,
            RetryPrompt = wording.Retry is { } retry ? catalog.Messages.Get(new MessageKey(retry, []))
                : wording.RetryLead == RetryLeads.PickOne ? catalog.Messages.Get(MessageKeys.ErrorsPickOne) + "\n\n" + prompt
                : wording.RetryLead == RetryLeads.YesOrNo ? catalog.Messages.Get(MessageKeys.ErrorsYesOrNo) + "\n\n" + prompt
                : null,
            Choices = choices,
            Language = catalog.Culture,
            Wording = wording.ToNode(),
        };
    }

    private static class RetryLeads
    {
        public const string PickOne = "pickOne";
        public const string YesOrNo = "yesOrNo";
    }

    /// <summary>
    /// A choice set in the patient's language. Each choice is also known by its words in the default language, so a
    /// Spanish speaker's "yes" or "Afternoons" is still understood.
    /// </summary>
    public IReadOnlyList<Choice> Choices(ITurnContext turn, string choiceSetId) => ChoicesIn(Content(turn), choiceSetId, withLanguages: false);

    /// <summary>A choice set followed by a button for each other language, each labelled in its own language ("Español").</summary>
    public IReadOnlyList<Choice> ChoicesWithLanguages(ITurnContext turn, string choiceSetId) => ChoicesIn(Content(turn), choiceSetId, withLanguages: true);

    internal ContentChoices ChoicesIn(ContentCatalog catalog, string choiceSetId, bool withLanguages)
    {
        var choices = catalog.Choices(choiceSetId).ToEngineChoices().ToList();
        if (catalog.Culture != content.Default.Culture)
        {
            var fallback = content.Default.Choices(choiceSetId);
            choices = choices.Select(c => fallback.Choices.FirstOrDefault(f => f.Id == c.Value) is { } other
                ? c with { Synonyms = [.. c.Synonyms ?? [], other.Label, .. other.Synonyms] }
                : c).ToList();
        }

        if (withLanguages)
        {
            choices.AddRange(content.All.Where(c => c.Culture != catalog.Culture)
                .Select(c => new Choice(Safety.LanguageRecognizer.ValueFor(c.Culture), c.Language.Name)));
        }

        return new ContentChoices(choiceSetId, choices, withLanguages);
    }

    /// <summary>Trims and limits free text; tells the user politely when it was cut.</summary>
    public async Task<string?> CleanAsync(ITurnContext turn, string? text, CancellationToken cancellationToken)
    {
        var cleaned = FreeText.Clean(text, MaxFreeTextLength);
        if (cleaned.WasCut)
        {
            await turn.SendActivityAsync(Say(turn, MessageKeys.TextTooLong, ("maxLength", MaxFreeTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture))), cancellationToken: cancellationToken);
        }

        return string.IsNullOrWhiteSpace(cleaned.Text) ? null : cleaned.Text;
    }

    /// <summary>True when the answer is the content's "skip" (or "done") word.</summary>
    public bool IsSkip(ITurnContext turn, string? text) => Content(turn).Answers.Match(text) is ShortAnswer.Skip or ShortAnswer.Done or ShortAnswer.No;

    /// <summary>The user's own calendar date (their clock, not the server's).</summary>
    public DateOnly UserToday(ITurnContext turn) =>
        DateOnly.FromDateTime((turn.Activity.LocalTimestamp ?? clock.GetUtcNow()).DateTime);
}
