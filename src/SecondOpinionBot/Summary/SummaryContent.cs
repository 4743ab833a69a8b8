using System.Globalization;
using SecondOpinionBot.Intake;
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
    public static IReadOnlyList<SummarySectionContent> Build(IntakeDraft draft, SummaryCardText text, ChoiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        return SummarySections.All
            .Select(section => new SummarySectionContent(section, text.HeadingOf(section), Blocks(section, draft, text, catalog)))
            .ToArray();
    }

    private static SummaryBlock[] Blocks(SummarySection section, IntakeDraft draft, SummaryCardText text, ChoiceCatalog catalog) => section switch
    {
        SummarySection.Role => Role(draft, text),
        SummarySection.Situation => [Facts(text,
            (text.ConcernLabel, MarkdownText.Escape(draft.Concern)),
            (text.ProposedLabel, draft.Proposed is null && draft.NotKnown.Contains(IntakeDraftFields.Proposed) ? text.NotKnownText : MarkdownText.Escape(draft.Proposed)),
            (text.PlannedDateLabel, FormatDate(draft.PlannedDate, text)),
            (text.CurrentClinicLabel, MarkdownText.Escape(draft.CurrentClinic)))],
        SummarySection.Reasons => ListOrNotGiven(draft.Reasons.Select(id => MarkdownText.Escape(ChoiceCatalog.TitleOf(catalog.Reasons, id))), numbered: false, text),
        SummarySection.Questions => ListOrNotGiven(draft.Questions.Select(MarkdownText.Escape), numbered: true, text),
        SummarySection.Records => draft.Records.Count == 0
            ? [new SummaryParagraph(text.NotGiven)]
            : [new SummaryFacts(draft.Records.Select(pair => new SummaryFact(
                MarkdownText.Escape(ChoiceCatalog.TitleOf(catalog.Records, pair.Key)), RecordStatusLabel(pair.Value, text))).ToArray())],
        SummarySection.Needs => ListOrNotGiven(draft.Needs.Select(id => MarkdownText.Escape(ChoiceCatalog.TitleOf(catalog.Needs, id))), numbered: false, text),
        SummarySection.Urgency => Urgency(draft, text),
        SummarySection.Contact => [Facts(text,
            (text.ContactMethodsLabel, string.Join(", ", draft.ContactMethods.Select(id => MarkdownText.Escape(ChoiceCatalog.TitleOf(catalog.ContactMethods, id))))),
            (text.PhoneLabel, MarkdownText.Escape(draft.Phone)),
            (text.EmailLabel, MarkdownText.Escape(draft.Email)),
            (text.ContactTimesLabel, MarkdownText.Escape(draft.ContactTimes)))],
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Unknown summary section."),
    };

    public static string RecordStatusLabel(RecordStatus status, SummaryCardText text) => status switch
    {
        RecordStatus.Have => text.RecordHave,
        RecordStatus.NeedHelp => text.RecordNeedHelp,
        _ => text.RecordNotApplicable,
    };

    private static SummaryBlock[] Role(IntakeDraft draft, SummaryCardText text)
    {
        var role = draft.Role switch
        {
            ChatRole.Patient => text.RolePatient,
            ChatRole.Caregiver => text.RoleCaregiver,
            _ => draft.NotKnown.Contains(IntakeDraftFields.Role) ? text.NotKnownText : text.NotGiven,
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
                (text.RelationshipLabel, MarkdownText.Escape(draft.Relationship)),
                (text.PatientAgreesLabel, draft.PatientAgrees switch { true => text.Yes, false => text.No, null => "" })),
        ];
    }

    private static SummaryBlock[] Urgency(IntakeDraft draft, SummaryCardText text)
    {
        var lines = new List<string>();
        if (draft.EmergencySignalled)
        {
            lines.Add(text.UrgencyEmergencyMentioned);
        }

        lines.Add(draft.SymptomsChangingFast ? text.UrgencyChangingFast
            : draft.NotKnown.Contains(IntakeDraftFields.Urgency) ? text.NotKnownText
            : text.UrgencyRoutine);
        return lines.Select(line => (SummaryBlock)new SummaryParagraph(line)).ToArray();
    }

    private static SummaryBlock[] ListOrNotGiven(IEnumerable<string> items, bool numbered, SummaryCardText text)
    {
        var list = items.Where(item => item.Length > 0).ToArray();
        return list.Length == 0 ? [new SummaryParagraph(text.NotGiven)] : [new SummaryList(list, numbered)];
    }

    private static SummaryFacts Facts(SummaryCardText text, params (string Label, string Value)[] facts) =>
        new(facts.Select(f => new SummaryFact(f.Label, f.Value.Length == 0 ? text.NotGiven : f.Value)).ToArray());

    private static string FormatDate(DateOnly? date, SummaryCardText text) =>
        date?.ToString(text.DateFormat, CultureInfo.GetCultureInfo(text.Culture)) ?? "";
}
