using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using Choice = SecondOpinionBot.Dialogs.Choices.Choice;
using SecondOpinionBot.Dialogs.Prompts;

namespace SecondOpinionBot.Intake;

/// <summary>
/// The question on screen, written again in the language the patient just switched to: its message keys and values
/// (<see cref="PromptWording"/>) in the new language, its choices by id; the records checklist and the doctor card built
/// again in it. Anything else it cannot rewrite is asked again as it was.
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
        if (languages.Find(options.Language) is { } asked && asked.Culture != catalog.Culture)
        {
            // Words filled in from other content (a reason's own question) follow the language too.
            wording = new PromptWording
            {
                Prompt = wording.Prompt,
                Retry = wording.Retry,
                RetryLead = wording.RetryLead,
                Values = wording.Values.ToDictionary(v => v.Key, v => ContentTextTranslation.Translate(v.Value, asked, catalog), StringComparer.Ordinal),
                ChoiceSet = wording.ChoiceSet,
                Languages = wording.Languages,
            };
        }

        try
        {
            IReadOnlyList<Choice> choices = wording.ChoiceSet is { } set
                ? kit.ChoicesIn(catalog, set, wording.Languages)
                : options.Choices.Select(c => Translate(c, catalog)).ToList();
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

    /// <summary>A choice by its id in the new language; still known by the words it was shown with.</summary>
    private static Choice Translate(Choice choice, ContentCatalog catalog)
    {
        var title = catalog.Needs.FirstOrDefault(n => n.Id == choice.Value)?.Label
            ?? catalog.Questions.FirstOrDefault(q => q.Id == choice.Value)?.Text
            ?? catalog.Reasons.FirstOrDefault(r => r.Id == choice.Value)?.Title
            ?? catalog.ChoiceSets.SelectMany(s => s.Choices).FirstOrDefault(c => c.Id == choice.Value)?.Label;
        return title is null || title == choice.Title
            ? choice
            : choice with { Title = title, Synonyms = [.. choice.Synonyms ?? [], .. choice.Title is { } old ? [old] : Array.Empty<string>()] };
    }
}
