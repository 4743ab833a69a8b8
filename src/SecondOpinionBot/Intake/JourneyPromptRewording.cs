using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using Choice = SecondOpinionBot.Dialogs.Choices.Choice;
using SecondOpinionBot.Dialogs.Prompts;

namespace SecondOpinionBot.Intake;

/// <summary>
/// The question on screen, written again: in the language the patient just switched to, and in full from the short
/// note its frame keeps between turns (<see cref="Shorten"/>), so the dialog stack and its "back" snapshots hold no
/// rendered words, choice synonyms or cards. Its message keys and values (<see cref="PromptWording"/>) are written in the
/// language now, its choices by id; the records checklist and the doctor card are built again. Anything else it cannot
/// rewrite is kept whole and asked again as it was.
/// </summary>
public sealed class JourneyPromptRewording(JourneyKit kit, ContentCatalogs languages) : IPromptRewording
{
    public async Task<PromptOptions?> RewordAsync(DialogContext dc, string promptId, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(options);

        // The two cards are built again from the draft and the new language's content, inputs and ids unchanged.
        var card = promptId switch
        {
            Flows.PromptIds.RecordsCard => await Flows.RecordsDialog.CardPromptAsync(kit, dc.TurnContext, cancellationToken),
            Flows.PromptIds.DoctorCard => Flows.SituationDialog.DoctorCardPrompt(kit, dc.TurnContext),
            _ => null,
        };
        if (card is not null)
        {
            return card with { MaxAttempts = options.MaxAttempts, Style = options.Style };
        }

        if (PromptWording.From(options.Wording) is not { } wording)
        {
            return null;
        }

        var catalog = kit.Content(dc.TurnContext);
        var asked = languages.Find(options.Language);
        var shown = asked is not null && wording.ContentChoicesAt is { Count: > 0 } positions
            ? options.Choices.Select((c, i) => positions.Contains(i) && FromContent(asked, c.Value) is { } full ? full : c).ToList()
            : options.Choices;
        if (asked is not null && asked.Culture != catalog.Culture)
        {
            // Words filled in from other content (a reason's own question) follow the language too.
            wording = wording with { Values = wording.Values.ToDictionary(v => v.Key, v => ContentTextTranslation.Translate(v.Value, asked, catalog), StringComparer.Ordinal) };
        }

        try
        {
            IReadOnlyList<Choice> choices = wording.ChoiceSet is { } set
                ? kit.ChoicesIn(catalog, set, wording.Languages)
                : shown.Select(c => Translate(c, catalog)).ToList();
            var written = JourneyKit.Write(catalog, wording, choices);
            return written with
            {
                Style = options.Style,
                Card = options.Card,
                MaxAttempts = options.MaxAttempts,
                PreferPastDates = options.PreferPastDates,
            };
        }
        catch (KeyNotFoundException)
        {
            return null; // this language lacks a piece: better the old words than none
        }
    }

    /// <summary>
    /// What a question's frame keeps: its wording note, and of its choices only those it cannot find again in the
    /// content by id (the rest by id alone). The cards keep nothing but their id; they are built from the draft.
    /// </summary>
    public PromptOptions? Shorten(string promptId, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (promptId is Flows.PromptIds.RecordsCard or Flows.PromptIds.DoctorCard)
        {
            return new PromptOptions { Prompt = "", Language = options.Language, MaxAttempts = options.MaxAttempts, Style = options.Style };
        }

        if (options.Card is not null || PromptWording.From(options.Wording) is not { } wording)
        {
            return null; // not written by JourneyKit: kept whole
        }

        if (wording.ChoiceSet is not null)
        {
            return options with { Prompt = "", RetryPrompt = null, Choices = [] }; // written again from the set
        }

        var asked = languages.Find(options.Language);
        var fromContent = options.Choices
            .Select((choice, index) => (choice, index))
            .Where(c => asked is not null && FromContent(asked, c.choice.Value) is { } full && SameChoice(full, c.choice))
            .Select(c => c.index)
            .ToList();
        return options with
        {
            Prompt = "",
            RetryPrompt = null,
            Choices = options.Choices.Select((c, i) => fromContent.Contains(i) ? new Choice(c.Value) : c).ToList(),
            Wording = fromContent.Count > 0 ? (wording with { ContentChoicesAt = fromContent }).ToNode() : options.Wording,
        };
    }

    /// <summary>A need, suggested question or reason by its id, as the journey offers it as a choice.</summary>
    private static Choice? FromContent(ContentCatalog catalog, string id) =>
        catalog.Needs.FirstOrDefault(n => n.Id == id)?.ToEngineChoice()
        ?? catalog.Questions.FirstOrDefault(q => q.Id == id)?.ToEngineChoice()
        ?? catalog.Reasons.FirstOrDefault(r => r.Id == id)?.ToEngineChoice();

    private static bool SameChoice(Choice a, Choice b) =>
        a.Value == b.Value && a.Title == b.Title && (a.Synonyms ?? []).SequenceEqual(b.Synonyms ?? []);

    /// <summary>A choice by its id in the new language; still known by the words it was shown with.</summary>
    private static Choice Translate(Choice choice, ContentCatalog catalog)
    {
        var title = FromContent(catalog, choice.Value)?.Title
            ?? catalog.ChoiceSets.SelectMany(s => s.Choices).FirstOrDefault(c => c.Id == choice.Value)?.Label;
        return title is null || title == choice.Title
            ? choice
            : choice with { Title = title, Synonyms = [.. choice.Synonyms ?? [], .. choice.Title is { } old ? [old] : Array.Empty<string>()] };
    }
}
