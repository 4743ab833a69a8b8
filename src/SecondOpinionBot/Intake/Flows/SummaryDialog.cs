using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Summary;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>
/// The summary: one card with an Edit action per section, and "send / change / not now". Confirming creates the case,
/// hands it to the team and gives the user the reference and a take-away prep sheet. A click on an outdated summary
/// card shows the current summary instead of acting on old answers.
/// </summary>
public sealed partial class SummaryDialog(JourneyKit kit, CaseSubmission submission, IPrepSheetLinkStore prepLinks, PrepSheetAddress prepAddress, Handoff.ContactWhen contactWhen, ILogger<SummaryDialog> logger) : Dialog(Id)
{
    public new const string Id = "summary";

    public override async Task<TurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        await ShowAsync(dc, cancellationToken);
        return TurnResult.Waiting;
    }

    public override async Task<TurnResult> ResumeDialogAsync(DialogContext dc, TurnResult childResult, CancellationToken cancellationToken)
    {
        // Back from an "Edit" section: show the summary with the new answers.
        await ShowAsync(dc, cancellationToken);
        return TurnResult.Waiting;
    }

    public override async Task RepromptDialogAsync(DialogContext dc, DialogFrame frame, CancellationToken cancellationToken) =>
        await ShowAsync(dc, cancellationToken);

    public override async Task<TurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.TurnContext;
        if (turn.Activity.Type != Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            return TurnResult.Waiting;
        }

        var draft = await kit.DraftAsync(turn, cancellationToken);
        string? choice;
        if (SummarySubmit.TryParse(turn.Activity.Value, out var submit))
        {
            if (submit.IsOutdated(draft.Revision))
            {
                await dc.SendAsync(dc.Language.Lexicon.StaleCard, cancellationToken);
                await ShowAsync(dc, cancellationToken);
                return TurnResult.Waiting;
            }

            choice = submit.Kind == SummarySubmitKind.Confirm ? "send" : "change";
        }
        else
        {
            choice = ChoiceRecognizer.RecognizeOne(dc.Input.Answer, Choices(turn), dc.Language.RecognizerCulture, dc.Language.Lexicon.Normalizer)?.Value;

            // "Change" by typing: a section's name opens that section, so channels without cards can edit too.
            if (choice is null && ChoiceRecognizer.RecognizeOne(dc.Input.Answer, SectionChoices(turn), dc.Language.RecognizerCulture, dc.Language.Lexicon.Normalizer)?.Value is { } section)
            {
                return await dc.BeginDialogAsync(JourneySections.EditId(section), cancellationToken: cancellationToken);
            }
        }

        switch (choice)
        {
            case "send":
                if (!await SendCaseAsync(dc, draft, cancellationToken))
                {
                    // Nothing was said to be sent; the summary stays open so "send" can be tried again.
                    await AskToSendAsync(dc, cancellationToken);
                    return TurnResult.Waiting;
                }

                return await dc.EndDialogAsync(cancellationToken);
            case "not-now":
                await dc.SendAsync(kit.Say(turn, MessageKeys.HandoffNotNow), cancellationToken);
                return await dc.EndDialogAsync(cancellationToken);
            case "change":
                await turn.SendActivityAsync(ChoiceRenderer.Render(dc, kit.Say(turn, MessageKeys.SummaryChangeAsk), SectionChoices(turn), multiSelect: false, ListStyle.Auto), cancellationToken);
                return TurnResult.Waiting;
            default:
                await AskToSendAsync(dc, cancellationToken);
                return TurnResult.Waiting;
        }
    }

    private async Task ShowAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.TurnContext;
        var draft = await kit.DraftAsync(turn, cancellationToken);
        await ShowCardAsync(dc, draft, cancellationToken);
        await AskToSendAsync(dc, cancellationToken);
    }

    /// <summary>
    /// "Shall I send this to our care team?". Under a card it is words only (the card holds the one Send and the one
    /// Change something); without cards it comes with the send / change / not now choices. Typed answers work in both.
    /// </summary>
    private async Task AskToSendAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.TurnContext;
        if (ChannelCapabilities.SupportsAdaptiveCards(turn.Activity))
        {
            await dc.SendAsync(kit.Say(turn, MessageKeys.SummaryConfirmAskCard), cancellationToken);
            return;
        }

        await turn.SendActivityAsync(
            ChoiceRenderer.Render(dc, kit.Say(turn, MessageKeys.SummaryConfirmAsk), Choices(turn), multiSelect: false, ListStyle.Auto), cancellationToken);
    }

    /// <summary>The card where the channel shows cards; the same summary as text where it does not.</summary>
    private async Task ShowCardAsync(DialogContext dc, IntakeDraft draft, CancellationToken cancellationToken)
    {
        var content = kit.Content(dc.TurnContext);
        if (ChannelCapabilities.SupportsAdaptiveCards(dc.TurnContext.Activity))
        {
            var card = CaseSummaryCard.Build(draft.ToCaseDetails(), content.SummaryCardText(), draft.Revision, content.ChoiceCatalog());
            await dc.TurnContext.SendActivityAsync(MessageFactory.Attachment(CaseSummaryCard.ToAttachment(card)), cancellationToken);
        }
        else
        {
            await dc.SendAsync(CaseSummaryText.Render(draft.ToCaseDetails(), content.SummaryCardText(), content.ChoiceCatalog()), cancellationToken);
        }
    }

    /// <summary>False when the case could not be stored or handed off; the user is told and nothing claims it was sent.</summary>
    private async Task<bool> SendCaseAsync(DialogContext dc, IntakeDraft draft, CancellationToken cancellationToken)
    {
        var turn = dc.TurnContext;
        var content = kit.Content(turn);
        CaseRecord record;
        RoutingDecision routing;
        try
        {
            (record, routing) = await submission.SubmitAsync(turn, draft, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Exception messages can quote stored data, so only the type is logged.
            LogSubmitFailed(ex.GetType().FullName);
            await dc.SendAsync(kit.Say(turn, MessageKeys.HandoffFailed), cancellationToken);
            return false;
        }

        // On the queue's calendar: out of hours the patient hears when the team is back.
        await dc.SendAsync(kit.Say(turn, MessageKeys.HandoffSent,
            ("reference", record.Reference), ("queueName", routing.Primary.PatientName), ("when", contactWhen.Say(record, content))), cancellationToken);

        // The take-away sheet as a link to its printable page, with a short message; the whole sheet as a message only
        // where there is no address for the page (a configured bot without PrepSheets:PublicBaseUrl).
        var wording = content.PrepSheetWording(kit.EmergencyNumber);
        var answers = PrepSheetAnswers.From(record.Details, record.Reference, record.CreatedAt, wording.Language);
        var link = await prepLinks.CreateAsync(record.OwnerKey, answers, cancellationToken);
        if (prepAddress.LinkFor(link) is { } url)
        {
            var button = new Microsoft.Bot.Schema.CardAction(Microsoft.Bot.Schema.ActionTypes.OpenUrl, kit.Say(turn, MessageKeys.PrepSheetOpen), value: url.ToString());
            var card = new Microsoft.Bot.Schema.HeroCard(title: kit.Say(turn, MessageKeys.PrepSheetTitle), text: kit.Say(turn, MessageKeys.PrepSheetReady,
                ("days", Math.Round((link.ExpiresAt - record.CreatedAt).TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture))), buttons: [button]);
            await turn.SendActivityAsync(MessageFactory.Attachment(new Microsoft.Bot.Schema.Attachment(Microsoft.Bot.Schema.HeroCard.ContentType, content: card)), cancellationToken);
        }
        else
        {
            await dc.SendAsync(PrepSheetText.Render(record.Details, record.Reference, record.CreatedAt, wording, content.ChoiceCatalog()), cancellationToken);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending a case failed: {ExceptionType}; the summary stays open")]
    private partial void LogSubmitFailed(string? exceptionType);

    private IReadOnlyList<Dialogs.Choices.Choice> Choices(ITurnContext turn) => kit.Choices(turn, ChoiceSetIds.ConfirmSend);

    /// <summary>The summary's sections by their headings, the section id ("contact", "questions") as a synonym.</summary>
    private List<Dialogs.Choices.Choice> SectionChoices(ITurnContext turn)
    {
        var headings = kit.Content(turn).SummaryCardText().Headings;
        return SummarySections.All.Select(section => new Dialogs.Choices.Choice(section.Id(), headings[section], [section.Id()])).ToList();
    }
}
