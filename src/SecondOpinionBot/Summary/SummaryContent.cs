using System.Globalization;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Summary;

/// <summary>One piece of a summary section. All text in it is already safe to show (user text escaped).</summary>
public abstract record SummaryBlock;

public sealed record SummaryParagraph(string Text) : SummaryBlock;

public sealed record SummaryList(IReadOnlyList<string> Items, bool Numbered) : SummaryBlock;

public sealed record SummaryFacts(IReadOnlyList<SummaryFact> Facts) : SummaryBlock;

public sealed record SummaryFact(string Label, string Value);

public sealed record SummarySectionContent(SummarySection Section, string Heading, IReadOnlyList<SummaryBlock> Blocks);

/// <summary>What each summary section says, shared by the card and the plain-text rendering so they never differ.</summary>
public static class SummaryContent
{
    public static IReadOnlyList<SummarySectionContent> Build(CaseDetails draft, SummaryCardText text, ChoiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        return SummarySections.All
            .Select(section => new SummarySectionContent(section, text.HeadingOf(section), Blocks(section, draft, text, catalog)))
            .ToArray();
    }

    private static SummaryBlock[] Blocks(SummarySection section, CaseDetails draft, SummaryCardText text, ChoiceCatalog catalog) => section switch
    {
        SummarySection.Role => Role(draft, text, catalog),
        SummarySection.Situation => [Facts(text,
            (text.ConcernLabel, MarkdownText.Escape(draft.Concern)),
            (text.ProposedLabel, OrNotKnown(draft, CaseDetailsFields.Proposed, MarkdownText.Escape(draft.Proposed), text)),
            (text.PlannedDateLabel, OrNotKnown(draft, CaseDetailsFields.PlannedDate, FormatDate(draft.PlannedDate, text), text)),
            (text.CurrentClinicLabel, MarkdownText.Escape(draft.CurrentClinic)))],
        SummarySection.Reasons => ListOrNotGiven(draft.Reasons.Select(id => MarkdownText.Escape(ChoiceCatalog.TitleOf(catalog.Reasons, id))), numbered: false, text, NotKnown(draft, CaseDetailsFields.Reasons)),
        SummarySection.Questions => ListOrNotGiven(draft.Questions.Select(MarkdownText.Escape), numbered: true, text),
        SummarySection.Records => Records(draft, text, catalog),
        SummarySection.Needs => ListOrNotGiven(draft.Needs.Select(id => MarkdownText.Escape(ChoiceCatalog.TitleOf(catalog.Needs, id)))
            .Append(MarkdownText.Escape(draft.NeedsNote)), numbered: false, text, NotKnown(draft, CaseDetailsFields.Needs)),
        SummarySection.Urgency => Urgency(draft, text),
        SummarySection.Contact => [Facts(text,
            (text.ContactMethodsLabel, OrNotKnown(draft, CaseDetailsFields.ContactMethods,
                string.Join(", ", draft.ContactMethods.Select(id => MarkdownText.Escape(ChoiceCatalog.TitleOf(catalog.ContactMethods, id)))), text)),
            (text.PhoneLabel, OrNotKnown(draft, CaseDetailsFields.Phone, MarkdownText.Escape(draft.Phone), text)),
            (text.EmailLabel, OrNotKnown(draft, CaseDetailsFields.Email, MarkdownText.Escape(draft.Email), text)),
            (text.ContactTimesLabel, MarkdownText.Escape(draft.ContactTimes)))],
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Unknown summary section."),
    };

    private static bool NotKnown(CaseDetails draft, string field) => draft.NotKnown.Contains(field);

    /// <summary>An empty answer the bot gave up on shows "Not known", never a silent blank or default.</summary>
    private static string OrNotKnown(CaseDetails draft, string field, string value, SummaryCardText text) =>
        value.Length == 0 && NotKnown(draft, field) ? text.NotKnownText : value;

    private static SummaryBlock[] Records(CaseDetails draft, SummaryCardText text, ChoiceCatalog catalog)
    {
        var facts = draft.Records.Select(pair => new SummaryFact(
            MarkdownText.Escape(ChoiceCatalog.TitleOf(catalog.Records, pair.Key)), RecordStatusLabel(pair.Value, text))).ToList();
        var notKnown = NotKnown(draft, CaseDetailsFields.Records);
        return (facts.Count, notKnown) switch
        {
            (0, false) => [new SummaryParagraph(text.NotGiven)],
            (0, true) => [new SummaryParagraph(text.NotKnownText)],
            (_, false) => [new SummaryFacts(facts)],
            _ => [new SummaryFacts(facts), new SummaryParagraph(text.NotKnownText)],
        };
    }

    public static string RecordStatusLabel(RecordStatus status, SummaryCardText text) => status switch
    {
        RecordStatus.Have => text.RecordHave,
        RecordStatus.NeedHelp => text.RecordNeedHelp,
        _ => text.RecordNotApplicable,
    };

    private static SummaryBlock[] Role(CaseDetails draft, SummaryCardText text, ChoiceCatalog catalog)
    {
        var role = draft.Role switch
        {
            ChatRole.Patient => text.RolePatient,
            ChatRole.Caregiver => text.RoleCaregiver,
            _ => draft.NotKnown.Contains(CaseDetailsFields.Role) ? text.NotKnownText : text.NotGiven,
        };
        if (draft.Role is not ChatRole.Caregiver)
        {
            return [new SummaryParagraph(role)];
        }

        return
        [
            new SummaryParagraph(role),
            Facts(text,
                (text.PatientNameLabel, MarkdownText.Escape(draft.PatientFirstName)),
                (text.RelationshipLabel, OrNotKnown(draft, CaseDetailsFields.Relationship,
                    draft.Relationship is { } relationship ? MarkdownText.Escape(ChoiceCatalog.TitleOf(catalog.Relationships, relationship)) : "", text)),
                (text.PatientAgreesLabel, draft.ProxyAuthority is { } authority ? MarkdownText.Escape(ChoiceCatalog.TitleOf(catalog.ProxyAuthorities, authority))
                    : OrNotKnown(draft, CaseDetailsFields.PatientAgrees, draft.PatientAgrees switch { true => text.Yes, false => text.No, null => "" }, text))),
        ];
    }

    private static SummaryBlock[] Urgency(CaseDetails draft, SummaryCardText text)
    {
        var lines = new List<string>();
        if (draft.EmergencySignalled)
        {
            lines.Add(text.UrgencyEmergencyMentioned);
        }

        lines.Add(draft.SymptomsChangingFast ? text.UrgencyChangingFast
            : draft.NotKnown.Contains(CaseDetailsFields.Urgency) ? text.NotKnownText
            : text.UrgencyRoutine);
        return lines.Select(line => (SummaryBlock)new SummaryParagraph(line)).ToArray();
    }

    private static SummaryBlock[] ListOrNotGiven(IEnumerable<string> items, bool numbered, SummaryCardText text, bool notKnown = false)
    {
        var list = items.Where(item => item.Length > 0).ToArray();
        return (list.Length, notKnown) switch
        {
            (0, _) => [new SummaryParagraph(notKnown ? text.NotKnownText : text.NotGiven)],
            (_, false) => [new SummaryList(list, numbered)],
            _ => [new SummaryList(list, numbered), new SummaryParagraph(text.NotKnownText)], // some asked, some not understood
        };
    }

    private static SummaryFacts Facts(SummaryCardText text, params (string Label, string Value)[] facts) =>
        new(facts.Select(f => new SummaryFact(f.Label, f.Value.Length == 0 ? text.NotGiven : f.Value)).ToArray());

    private static string FormatDate(DateOnly? date, SummaryCardText text) =>
        date?.ToString(text.DateFormat, CultureInfo.GetCultureInfo(text.Culture)) ?? "";
}
