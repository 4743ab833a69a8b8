using System.Text.Json.Nodes;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Summary;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>
/// "Edit" on the summary ("edit-&lt;section&gt;"): re-asks that section, then the summary below shows the new answers.
/// A click on an outdated card, or once the summary is no longer open (e.g. the case was sent), changes nothing: the
/// user is told the card is old and sees where the conversation really is.
/// </summary>
public sealed class EditSectionDialog(string section, JourneyKit kit) : Dialog(JourneySections.EditId(section))
{
    public override async Task<TurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var turn = dc.TurnContext;
        var draft = await kit.DraftAsync(turn, cancellationToken);
        var fromOpenSummary = dc.Stack.Count >= 2 && dc.Stack[^2].DialogId == SummaryDialog.Id;
        var outdated = SummarySubmit.TryParse(turn.Activity.Value, out var submit) && submit.IsOutdated(draft.Revision);
        if (fromOpenSummary && !outdated)
        {
            return await dc.BeginDialogAsync(section, cancellationToken);
        }

        await dc.SendAsync(dc.Language.Lexicon.StaleCard, cancellationToken);

        // Whatever is under way asks its question again; with nothing under way the journey picks up from the draft
        // (or, once a case is open, says its status).
        return dc.Stack.Count > 1
            ? await dc.EndDialogAsync(cancellationToken)
            : await dc.ReplaceDialogAsync(IntakeDialog.Id, cancellationToken);
    }
}
