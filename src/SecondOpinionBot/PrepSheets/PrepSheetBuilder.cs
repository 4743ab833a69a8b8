using System.Globalization;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.PrepSheets;

/// <summary>Turns the journey's answers (a draft, or the answers a link stored) into a <see cref="PrepSheet"/>.</summary>
public static class PrepSheetBuilder
{
    public static PrepSheet Build(CaseDetails draft, string? caseReference, DateTimeOffset? caseCreatedAt, PrepSheetWording wording, ChoiceCatalog catalog)
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

        var header = Header(answers, wording, culture);

        var reasons = answers.Reasons
            .Select(id => new PrepSheetReason(ChoiceCatalog.TitleOf(catalog.Reasons, id), ChoiceCatalog.ExplanationOf(catalog.Reasons, id)))
            .ToArray();

        // Only the records that apply: a "doesn't apply" answer has nothing to gather.
        var records = answers.Records
            .Where(record => record.Value != RecordStatus.NotApplicable)
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

        return new PrepSheet(
            wording.Language, wording.Title, wording.Intro, header,
            wording.ReasonsHeading, reasons,
            wording.QuestionsHeading, answers.Questions,
            wording.RecordsHeading, records,
            wording.DatesHeading, [],
            wording.NothingYet, wording.Footer,
            Letters(answers, wording));
    }

    /// <summary>
    /// Who the sheet is for and what it is about, at the top of the page. What the bot does not know (a patient's name:
    /// only a caregiver is asked it) stays a line to write on; what the person skipped is left out.
    /// </summary>
    private static PrepSheetFact[] Header(PrepSheetAnswers answers, PrepSheetWording wording, CultureInfo culture)
    {
        var facts = new List<PrepSheetFact>();
        void Add(string label, string? value, bool blankWhenMissing = false)
        {
            if (label.Length > 0 && (!string.IsNullOrWhiteSpace(value) || blankWhenMissing))
            {
                facts.Add(new PrepSheetFact(label, value?.Trim() ?? ""));
            }
        }

        Add(wording.ForLabel, answers.PatientFirstName, blankWhenMissing: true);
        Add(wording.ReferenceLabel, answers.Reference);
        Add(wording.CaseSentLabel, answers.CaseCreatedAt?.ToString(wording.DateFormat, culture));
        Add(wording.ConcernLabel, answers.Concern);
        Add(wording.ProposedLabel, answers.Proposed);
        Add(wording.PlannedDateLabel, answers.PlannedDate?.ToString(wording.DateFormat, culture));
        Add(wording.DoctorLabel, answers.CurrentClinic);
        Add(wording.ReachTeamLabel, wording.ReachTeam);
        return [.. facts];
    }

    /// <summary>
    /// One letter per office that holds a record the person needs help getting (letters.yaml), each listing those
    /// records; none at all while the letter's text is not approved.
    /// </summary>
    private static PrepSheetLetters? Letters(PrepSheetAnswers answers, PrepSheetWording wording)
    {
        if (wording.Letters is not { IsApproved: true } content)
        {
            return null;
        }

        var needHelp = answers.Records.Where(r => r.Value == RecordStatus.NeedHelp).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var letters = content.Offices
            .Select(office => (office, asks: office.Asks.Where(a => needHelp.Contains(a.Key)).Select(a => a.Value).ToArray()))
            .Where(x => x.asks.Length > 0)
            .Select(x => new PrepSheetLetter(x.office.To, string.IsNullOrWhiteSpace(answers.CurrentClinic) ? null : answers.CurrentClinic.Trim(), x.asks, answers.PatientFirstName))
            .ToArray();
        var note = content.NotByLetter.Any(needHelp.Contains) ? content.NotByLetterNote : null;
        return letters.Length == 0 && note is null ? null : new PrepSheetLetters(content.Heading, content.Intro, content.Letter, letters, note);
    }
}
