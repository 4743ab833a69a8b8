using SecondOpinionBot.Intake;
using SecondOpinionBot.Summary;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Summary;

public sealed class CaseSummaryTextTests
{
    [Fact]
    public void The_text_summary_has_every_section_heading_and_the_same_answers_as_the_card()
    {
        var text = CaseSummaryText.Render(EnglishWording.SentinelDraft().ToCaseDetails(), EnglishWording.Summary, EnglishWording.Catalog);

        var headings = EnglishWording.Summary.Headings.Values.Select(h => text.IndexOf("\n\n" + h + "\n", StringComparison.Ordinal)).ToArray();
        Assert.All(headings, index => Assert.True(index > 0));
        Assert.Equal(headings.Order(), headings);
        Assert.Contains($"\n1. {Sentinels.Question}?\n2. What happens if we wait?", text, StringComparison.Ordinal);
        Assert.Contains("\n- Pathology report: I need help getting it", text, StringComparison.Ordinal);
        Assert.Contains("\n- Phone: " + Sentinels.Phone.Replace("+", "\\+", StringComparison.Ordinal), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_in_an_answer_cannot_start_new_sections_or_lists()
    {
        var draft = EnglishWording.SentinelDraft();
        draft.Concern = "first line\n\n# Your questions\n- fake item";

        var text = CaseSummaryText.Render(draft.ToCaseDetails(), EnglishWording.Summary, EnglishWording.Catalog);

        Assert.Contains("- Your concern: first line \\# Your questions - fake item", text, StringComparison.Ordinal);
    }
}

/// <summary>Every answer the bot gave up on shows as "Not known" on the summary, never as a blank or a default.</summary>
public sealed class SummaryNotKnownTests
{
    private static SummaryCardText Wording => SecondOpinionBot.Summary.SummaryWordingFromContent.SummaryCardText(SecondOpinionBot.Tests.Content.ContentFixture.English);

    [Fact]
    public void Each_answer_given_up_on_shows_not_known_next_to_its_label()
    {
        var draft = new SecondOpinionBot.Intake.IntakeDraft
        {
            ConsentToStore = true,
            Role = SecondOpinionBot.Handoff.ChatRole.Caregiver,
            PatientFirstName = "Ana",
            PatientAgrees = true,
            NotKnown =
            [
                SecondOpinionBot.Handoff.CaseDetailsFields.Relationship, SecondOpinionBot.Handoff.CaseDetailsFields.Proposed,
                SecondOpinionBot.Handoff.CaseDetailsFields.PlannedDate, SecondOpinionBot.Handoff.CaseDetailsFields.Reasons,
                SecondOpinionBot.Handoff.CaseDetailsFields.Records, SecondOpinionBot.Handoff.CaseDetailsFields.Needs,
                SecondOpinionBot.Handoff.CaseDetailsFields.Urgency, SecondOpinionBot.Handoff.CaseDetailsFields.ContactMethods,
                SecondOpinionBot.Handoff.CaseDetailsFields.Phone, SecondOpinionBot.Handoff.CaseDetailsFields.Email,
            ],
        };
        var notKnown = Wording.NotKnownText;

        var sections = SummaryContent.Build(draft.ToCaseDetails(), Wording, EnglishWording.Catalog).ToDictionary(s => s.Section);

        string Fact(SummarySection section, string label) => sections[section].Blocks.OfType<SummaryFacts>().SelectMany(f => f.Facts).Single(f => f.Label == label).Value;
        bool SaysNotKnown(SummarySection section) => sections[section].Blocks.OfType<SummaryParagraph>().Any(p => p.Text == notKnown);
        var text = Wording;
        Assert.Equal(notKnown, Fact(SummarySection.Role, text.RelationshipLabel));
        Assert.Equal(notKnown, Fact(SummarySection.Situation, text.ProposedLabel));
        Assert.Equal(notKnown, Fact(SummarySection.Situation, text.PlannedDateLabel));
        Assert.Equal(notKnown, Fact(SummarySection.Contact, text.ContactMethodsLabel));
        Assert.Equal(notKnown, Fact(SummarySection.Contact, text.PhoneLabel));
        Assert.Equal(notKnown, Fact(SummarySection.Contact, text.EmailLabel));
        Assert.True(SaysNotKnown(SummarySection.Reasons));
        Assert.True(SaysNotKnown(SummarySection.Records));
        Assert.True(SaysNotKnown(SummarySection.Needs));
        Assert.True(SaysNotKnown(SummarySection.Urgency));

        // Answers the user simply left out still read "Not given".
        Assert.Equal(text.NotGiven, Fact(SummarySection.Situation, text.ConcernLabel));
        Assert.NotEqual(text.NotGiven, notKnown);
    }
}

/// <summary>A caregiver's answers read in words on the summary, as the choices they tapped said them.</summary>
public sealed class SummaryCaregiverWordsTests
{
    private static SecondOpinionBot.Content.ContentCatalog English => SecondOpinionBot.Tests.Content.ContentFixture.English;

    [Fact]
    public void Relationship_and_authority_show_the_choice_labels_not_their_ids()
    {
        var draft = new SecondOpinionBot.Intake.IntakeDraft
        {
            ConsentToStore = true,
            Role = SecondOpinionBot.Handoff.ChatRole.Caregiver,
            PatientFirstName = "Ana",
            Relationship = "parent",
            ProxyAuthority = "healthcare-proxy",
        };
        var wording = SecondOpinionBot.Summary.SummaryWordingFromContent.SummaryCardText(English);

        var text = CaseSummaryText.Render(draft.ToCaseDetails(), wording, SecondOpinionBot.Content.ContentWordings.ChoiceCatalog(English));

        var relationship = English.Choices(SecondOpinionBot.Content.ChoiceSetIds.Relationship)["parent"].Label;
        var authority = English.Choices(SecondOpinionBot.Content.ChoiceSetIds.ProxyAuthority)["healthcare-proxy"].Label;
        Assert.Contains($"{wording.RelationshipLabel}: {SecondOpinionBot.Text.MarkdownText.Escape(relationship)}", text, StringComparison.Ordinal);
        Assert.Contains(SecondOpinionBot.Text.MarkdownText.Escape(authority), text, StringComparison.Ordinal);
        Assert.DoesNotContain("healthcare-proxy", text, StringComparison.Ordinal);
    }
}
