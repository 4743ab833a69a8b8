using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
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
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

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
        var body = new JsonArray
        {
            TextBlock(text.Title, ("size", "Large"), ("weight", "Bolder"), ("style", "heading")),
            TextBlock(text.Intro),
        };
        var sections = SummaryContent.Build(draft, text, catalog);
        foreach (var section in sections)
        {
            body.Add(Section(section));
        }

        var change = new JsonArray();
        foreach (var section in sections)
        {
            change.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = section.Heading,
                ["tooltip"] = text.EditTooltip.Replace("{section}", section.Heading, StringComparison.Ordinal),
                ["data"] = new JsonObject
                {
                    [SummaryPayload.KindKey] = SummaryPayload.DialogKind,
                    [SummaryPayload.DialogIdKey] = section.Section.EditDialogId(),
                    [SummaryPayload.DraftVersionKey] = draftVersion,
                },
            });
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "Action.Submit",
                    ["title"] = text.Confirm,
                    ["style"] = "positive",
                    ["data"] = new JsonObject
                    {
                        [SummaryPayload.KindKey] = SummaryPayload.ConfirmKind,
                        [SummaryPayload.DraftVersionKey] = draftVersion,
                    },
                },
                new JsonObject
                {
                    ["type"] = "Action.ShowCard",
                    ["title"] = text.Edit,
                    ["card"] = new JsonObject
                    {
                        ["type"] = "AdaptiveCard",
                        ["body"] = new JsonArray { TextBlock(text.ChangeAsk) },
                        ["actions"] = change,
                    },
                },
            },
        };
    }

    /// <summary>The card as a message attachment. The SDK serialises with Newtonsoft, so the content is a JObject.</summary>
    public static Attachment ToAttachment(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Attachment { ContentType = ContentType, Content = JObject.Parse(card.ToJsonString()) };
    }

    private static JsonObject Section(SummarySectionContent section)
    {
        var items = new JsonArray { TextBlock(section.Heading, ("weight", "Bolder"), ("style", "heading")) };
        foreach (var block in section.Blocks)
        {
            items.Add(Block(block));
        }

        return new JsonObject
        {
            ["type"] = "Container",
            ["id"] = "section-" + section.Section.Id(),
            ["separator"] = true,
            ["spacing"] = "Medium",
            ["items"] = items,
        };
    }

    // Lists use the Adaptive Card markdown list syntax, one item per "\r"-separated line.
    private static JsonObject Block(SummaryBlock block) => block switch
    {
        SummaryParagraph paragraph => TextBlock(paragraph.Text),
        SummaryList { Numbered: true } list => TextBlock(string.Join('\r', list.Items.Select((item, i) => $"{i + 1}. {item}"))),
        SummaryList list => TextBlock(string.Join('\r', list.Items.Select(item => "- " + item))),
        SummaryFacts facts => new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray(facts.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value }).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown summary block."),
    };

    private static JsonObject TextBlock(string text, params (string Key, string Value)[] properties)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        foreach (var (key, value) in properties)
        {
            block[key] = value;
        }

        return block;
    }
}
