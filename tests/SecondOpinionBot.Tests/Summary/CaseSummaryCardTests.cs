using System.Text.Json.Nodes;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Summary;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Summary;

public sealed class CaseSummaryCardTests
{
    private static JsonObject Card(IntakeDraft draft, int version = 3) => CaseSummaryCard.Build(draft.ToCaseDetails(), EnglishWording.Summary, version, EnglishWording.Catalog);

    private static JsonObject SectionOf(JsonObject card, string id) =>
        card["body"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["id"] == "section-" + id);

    private static IEnumerable<string> TextsOf(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "title" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : p.Value is null ? [] : TextsOf(p.Value)),
        JsonArray a => a.Where(n => n is not null).SelectMany(n => TextsOf(n!)),
        _ => [],
    };

    [Fact]
    public void The_card_is_adaptive_card_1_5_with_every_section_in_journey_order()
    {
        var card = Card(EnglishWording.SentinelDraft());

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        var sectionIds = card["body"]!.AsArray().OfType<JsonObject>().Select(e => (string?)e["id"]).Where(id => id is not null);
        Assert.Equal(["section-role", "section-situation", "section-reasons", "section-questions", "section-records", "section-needs", "section-urgency", "section-contact"], sectionIds);
    }

    [Fact]
    public void Each_section_shows_the_answers_in_words()
    {
        var card = Card(EnglishWording.SentinelDraft());

        Assert.Contains(TextsOf(SectionOf(card, "role")), t => t == "Someone you care for");
        Assert.Contains(TextsOf(SectionOf(card, "role")), t => t == Sentinels.Name);
        Assert.Contains(TextsOf(SectionOf(card, "situation")), t => t.Contains(Sentinels.Diagnosis, StringComparison.Ordinal));
        Assert.Contains(TextsOf(SectionOf(card, "situation")), t => t == "Monday, December 14, 2026");
        Assert.Contains(TextsOf(SectionOf(card, "reasons")), t => t == "- Diagnostic clarity\r- Treatment confidence");
        Assert.Contains(TextsOf(SectionOf(card, "questions")), t => t == $"1. {Sentinels.Question}?\r2. What happens if we wait?");
        var records = SectionOf(card, "records")["items"]!.AsArray().OfType<JsonObject>().Single(i => (string?)i["type"] == "FactSet");
        Assert.Equal(
            [("Scan images and reports", "I have it"), ("Pathology report", "I need help getting it")],
            records["facts"]!.AsArray().Select(f => ((string)f!["title"]!, (string)f["value"]!)));
        Assert.Contains(TextsOf(SectionOf(card, "needs")), t => t == "- Transport to appointments");
        Assert.Contains(TextsOf(SectionOf(card, "urgency")), t => t == "No urgent changes");
        Assert.Contains(TextsOf(SectionOf(card, "contact")), t => t == "Phone call, Email");
        Assert.Contains(TextsOf(SectionOf(card, "contact")), t => t == Sentinels.Email.Replace("@", "\\@", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_answers_read_not_given_and_an_emergency_shows_in_urgency()
    {
        var card = Card(new IntakeDraft { Role = ChatRole.Patient, EmergencySignalled = true, SymptomsChangingFast = true });

        Assert.Equal(["Why a second opinion", "Not given"], TextsOf(SectionOf(card, "reasons")).Take(2));
        Assert.Equal(["Your questions", "Not given"], TextsOf(SectionOf(card, "questions")).Take(2));
        Assert.Contains(TextsOf(SectionOf(card, "urgency")), t => t == "You mentioned an emergency earlier");
        Assert.Contains(TextsOf(SectionOf(card, "urgency")), t => t == "Symptoms are changing fast");
        Assert.DoesNotContain(TextsOf(SectionOf(card, "role")), t => t == "Patient's first name");
    }

    [Fact]
    public void One_change_something_lists_every_section_each_opening_its_own_step_with_the_draft_version()
    {
        var card = Card(EnglishWording.SentinelDraft(), version: 7);

        // No button inside the sections: one "Change something" at the end opens the list.
        Assert.DoesNotContain(card["body"]!.AsArray().OfType<JsonObject>().SelectMany(s => s["items"]?.AsArray().OfType<JsonObject>() ?? []),
            i => (string?)i["type"] == "ActionSet");
        var change = Assert.Single(card["actions"]!.AsArray().OfType<JsonObject>(), a => (string?)a["type"] == "Action.ShowCard");
        Assert.Equal(EnglishWording.Summary.Edit, (string?)change["title"]);
        var edits = change["card"]!["actions"]!.AsArray().OfType<JsonObject>().ToArray();
        Assert.Equal(SummarySections.All.Count, edits.Length);
        foreach (var (section, edit) in SummarySections.All.Zip(edits))
        {
            Assert.Equal("Action.Submit", (string?)edit["type"]);
            Assert.Equal(EnglishWording.Summary.HeadingOf(section), (string?)edit["title"]);
            Assert.True(SummarySubmit.TryParse(Newtonsoft.Json.Linq.JObject.Parse(edit["data"]!.ToJsonString()), out var submit));
            Assert.Equal(new SummarySubmit(SummarySubmitKind.Edit, section, 7), submit);
            Assert.Equal("edit-" + section.Id(), (string?)edit["data"]!["dialogId"]);
            Assert.Equal("dialog", (string?)edit["data"]!["so.kind"]);
        }
    }

    [Fact]
    public void The_one_way_to_confirm_sends_with_the_draft_version()
    {
        var card = Card(EnglishWording.SentinelDraft(), version: 4);

        var confirm = Assert.Single(card["actions"]!.AsArray().OfType<JsonObject>(), a => (string?)a["type"] == "Action.Submit");
        Assert.Equal("Confirm and send", (string?)confirm["title"]);
        Assert.Equal("""{"so.kind":"summary.confirm","so.version":4}""", confirm["data"]!.ToJsonString());
    }

    [Fact]
    public void User_text_cannot_become_markdown_links_or_formatting()
    {
        var draft = new IntakeDraft
        {
            Concern = "**urgent** [click here](https://evil.example/x) _now_ <b>bold</b>\n# heading",
            Questions = ["1. what about www.example.com?", "- is it `code`?"],
        };

        var texts = TextsOf(Card(draft)).ToArray();

        var concern = Assert.Single(texts, t => t.Contains("click here", StringComparison.Ordinal));
        Assert.Equal(@"\*\*urgent\*\* \[click here\](https\://evil.example/x) \_now\_ \<b\>bold\</b\> \# heading", concern);
        var questions = Assert.Single(texts, t => t.Contains("www", StringComparison.Ordinal));
        Assert.Equal("1. 1\\. what about www\\.example.com?\r2. \\- is it \\`code\\`?", questions);
    }

    [Fact]
    public void As_an_attachment_the_card_survives_the_sdks_serialisation_unchanged()
    {
        var card = Card(EnglishWording.SentinelDraft());

        var attachment = CaseSummaryCard.ToAttachment(card);
        var sent = Newtonsoft.Json.JsonConvert.SerializeObject(attachment);

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.True(JsonNode.DeepEquals(card, JsonNode.Parse(sent)!["content"]));
    }
}
