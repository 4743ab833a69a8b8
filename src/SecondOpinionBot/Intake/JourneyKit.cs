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
public sealed class JourneyKit(ContentCatalogs content, UserState userState, IOptions<EmergencyOptions> emergency, TimeProvider clock)
{
    public const int MaxFreeTextLength = 500;

    private readonly DraftAccessor<IntakeDraft> _drafts = new(userState, IntakeDraft.StatePropertyName);

    public TimeProvider Clock => clock;

    public string EmergencyNumber => emergency.Value.Number;

    public ContentCatalog Content(ITurnContext turn) => content.For(turn.Activity.Locale);

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
    /// choices, or type its number") before asking again.
    /// </summary>
    public PromptOptions Ask(ITurnContext turn, MessageKey key, IReadOnlyList<Choice>? choices = null, MessageKey? retry = null, params (string Name, string Value)[] values)
    {
        var prompt = Say(turn, key, values);
        return new PromptOptions
        {
            Prompt = prompt,
            RetryPrompt = retry is not null ? Say(turn, retry)
                : choices is { Count: > 0 } ? Say(turn, MessageKeys.ErrorsPickOne) + "\n\n" + prompt
                : null,
            Choices = choices ?? [],
        };
    }

    /// <summary>A yes/no question; an answer that is neither says so before asking again.</summary>
    public PromptOptions AskYesNo(ITurnContext turn, MessageKey key, params (string Name, string Value)[] values)
    {
        var prompt = Say(turn, key, values);
        return new PromptOptions { Prompt = prompt, RetryPrompt = Say(turn, MessageKeys.ErrorsYesOrNo) + "\n\n" + prompt };
    }

    public IReadOnlyList<Choice> Choices(ITurnContext turn, string choiceSetId) => Content(turn).Choices(choiceSetId).ToEngineChoices();

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
