using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.Cards;
using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Summary;

/// <summary>
/// The summary the user confirms before a case is created: an Adaptive Card 1.5, one container per section, then one
/// way to confirm ("Send to the care team") and one "Change something" that opens the list of sections. Every submit carries the draft version the card was built from,
/// so a click on an outdated card can be recognised (<see cref="SummarySubmit"/>).
/// </summary>
public static class CaseSummaryCard
{
    public const string ContentType = AdaptiveCard.ContentType;

    public static JsonObject Build(
        CaseDetails draft,
        SummaryCardText text,
        int draftVersion,
        IReadOnlyDictionary<string, string> reasonTitles,
        IReadOnlyDictionary<string, string> recordTitles,
        IReadOnlyDictionary<string, string> needTitles) =>
        Build(draft, text, draftVersion, ChoiceCatalog.FromTitles(reasonTitles, recordTitles, needTitles));

    public static JsonObject Build(CaseDetails draft, SummaryCardText text, int draftVersion, ChoiceCatalog catalog)
    {
        var sections = SummaryContent.Build(draft, text, catalog);
        var change = sections.Select(section =>
        {
            var edit = CardPayload.ForDialog(section.Section.EditDialogId());
            edit[CardTag.VersionKey] = draftVersion; // an Edit on an outdated summary shows the fresh one instead
            return (JsonNode)CardActions.Submit(section.Heading, edit, tooltip: text.EditTooltip.Replace("{section}", section.Heading, StringComparison.Ordinal));
        });
        return new AdaptiveCard()
            .Add(CardElements.Text(text.Title, weight: "Bolder", size: "Large", heading: true))
            .Add(CardElements.Text(text.Intro))
            .AddRange(sections.Select(Section))
            .Action(CardActions.Submit(text.Confirm, new CardTag(SummaryPayload.ConfirmKind, draftVersion).ToData(), primary: true))
            .Action(CardActions.ShowCard(text.Edit, [CardElements.Text(text.ChangeAsk)], change))
            .ToJson();
    }

    public static Attachment ToAttachment(JsonObject card) => AdaptiveCard.ToAttachment(card);

    private static JsonObject Section(SummarySectionContent section) => CardElements.Container(
        [CardElements.Text(section.Heading, weight: "Bolder", heading: true), .. section.Blocks.Select(Block)],
        id: "section-" + section.Section.Id(), separator: true, spacing: "Medium");

    // Lists use the Adaptive Card markdown list syntax, one item per "\r"-separated line.
    private static JsonObject Block(SummaryBlock block) => block switch
    {
        SummaryParagraph paragraph => CardElements.Text(paragraph.Text),
        SummaryList { Numbered: true } list => CardElements.Text(string.Join('\r', list.Items.Select((item, i) => $"{i + 1}. {item}"))),
        SummaryList list => CardElements.Text(string.Join('\r', list.Items.Select(item => "- " + item))),
        SummaryFacts facts => CardElements.Facts(facts.Facts.Select(f => (f.Label, f.Value))),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown summary block."),
    };
}
