using System.Globalization;
using SecondOpinionBot.Intake;

namespace SecondOpinionBot.PrepSheets;

/// <summary>Turns the journey's answers (a draft, or the answers a link stored) into a <see cref="PrepSheet"/>.</summary>
public static class PrepSheetBuilder
{
    public static PrepSheet Build(IntakeDraft draft, string? caseReference, DateTimeOffset? caseCreatedAt, PrepSheetWording wording, ChoiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return Build(PrepSheetAnswers.From(draft, caseReference, caseCreatedAt, wording.Language), wording, catalog);
    }

    public static PrepSheet Build(PrepSheetAnswers answers, PrepSheetWording wording, ChoiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(catalog);
        var culture = CultureInfo.GetCultureInfo(wording.Culture);

        var header = answers.Reference is null ? Array.Empty<PrepSheetFact>() : [new PrepSheetFact(wording.ReferenceLabel, answers.Reference)];

        var reasons = answers.Reasons
            .Select(id => new PrepSheetReason(ChoiceCatalog.TitleOf(catalog.Reasons, id), ChoiceCatalog.ExplanationOf(catalog.Reasons, id)))
            .ToArray();

        var records = answers.Records
            .Select(record => new PrepSheetRecord(
                ChoiceCatalog.TitleOf(catalog.Records, record.Key),
                record.Value switch
                {
                    RecordStatus.Have => wording.RecordHave,
                    RecordStatus.NeedHelp => wording.RecordNeedHelp,
                    _ => wording.RecordNotApplicable,
                },
                record.Value is RecordStatus.Have or RecordStatus.NotApplicable,
                ChoiceCatalog.ExplanationOf(catalog.Records, record.Key),
                wording.UsuallyFromLabel))
            .ToArray();

        var dates = new List<PrepSheetFact>();
        if (answers.PlannedDate is { } planned)
        {
            dates.Add(new PrepSheetFact(wording.PlannedDateLabel, planned.ToString(wording.DateFormat, culture)));
        }

        if (answers.CaseCreatedAt is { } created)
        {
            dates.Add(new PrepSheetFact(wording.CaseSentLabel, created.ToString(wording.DateFormat, culture)));
        }

        return new PrepSheet(
            wording.Language, wording.Title, wording.Intro, header,
            wording.ReasonsHeading, reasons,
            wording.QuestionsHeading, answers.Questions,
            wording.RecordsHeading, records,
            wording.DatesHeading, dates,
            wording.NothingYet, wording.Footer);
    }
}
