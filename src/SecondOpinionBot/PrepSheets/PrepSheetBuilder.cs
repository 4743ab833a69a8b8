using System.Globalization;
using SecondOpinionBot.Intake;

namespace SecondOpinionBot.PrepSheets;

/// <summary>Turns the journey's answers (a draft or a case's details) into a <see cref="PrepSheet"/>.</summary>
public static class PrepSheetBuilder
{
    public static PrepSheet Build(IntakeDraft draft, string? caseReference, DateTimeOffset? caseCreatedAt, PrepSheetWording wording, ChoiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(catalog);
        var culture = CultureInfo.GetCultureInfo(wording.Culture);

        var reference = caseReference ?? draft.CaseReference;
        var header = reference is null ? Array.Empty<PrepSheetFact>() : [new PrepSheetFact(wording.ReferenceLabel, reference)];

        var reasons = draft.Reasons
            .Select(id => new PrepSheetReason(ChoiceCatalog.TitleOf(catalog.Reasons, id), ChoiceCatalog.ExplanationOf(catalog.Reasons, id)))
            .ToArray();

        var records = draft.Records
            .Select(pair => new PrepSheetRecord(
                ChoiceCatalog.TitleOf(catalog.Records, pair.Key),
                pair.Value switch
                {
                    RecordStatus.Have => wording.RecordHave,
                    RecordStatus.NeedHelp => wording.RecordNeedHelp,
                    _ => wording.RecordNotApplicable,
                },
                pair.Value is RecordStatus.Have or RecordStatus.NotApplicable,
                ChoiceCatalog.ExplanationOf(catalog.Records, pair.Key),
                wording.UsuallyFromLabel))
            .ToArray();

        var dates = new List<PrepSheetFact>();
        if (draft.PlannedDate is { } planned)
        {
            dates.Add(new PrepSheetFact(wording.PlannedDateLabel, planned.ToString(wording.DateFormat, culture)));
        }

        if (caseCreatedAt is { } created)
        {
            dates.Add(new PrepSheetFact(wording.CaseSentLabel, created.ToString(wording.DateFormat, culture)));
        }

        return new PrepSheet(
            wording.Language, wording.Title, wording.Intro, header,
            wording.ReasonsHeading, reasons,
            wording.QuestionsHeading, draft.Questions.Where(q => !string.IsNullOrWhiteSpace(q)).ToArray(),
            wording.RecordsHeading, records,
            wording.DatesHeading, dates,
            wording.NothingYet, wording.Footer);
    }
}
