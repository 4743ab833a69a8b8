using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.PrepSheets;

/// <summary>
/// What a prep-sheet link keeps: the person's answers as they were when the link was made, by content id, and none of
/// the sheet's wording. <see cref="PrepSheetWords"/> words them from the content of the same language when the page is
/// opened, so a stored sheet is a few hundred bytes instead of the whole rendered text (3.4 KB; README, Benchmarks).
/// </summary>
/// <param name="Records">Record id → what the person said, in the order they were asked (kept as a JSON object, in order).</param>
/// <param name="PatientFirstName">The patient's first name when a caregiver gave it (a patient is not asked theirs).</param>
/// <param name="Concern">The worry in the person's own words.</param>
/// <param name="Proposed">What the doctor suggested, as chosen and told.</param>
/// <param name="CurrentClinic">The clinic or doctor caring for the patient now, as the person wrote it.</param>
public sealed record PrepSheetAnswers(
    string Language,
    string? Reference,
    DateTimeOffset? CaseCreatedAt,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Questions,
    IReadOnlyDictionary<string, RecordStatus> Records,
    DateOnly? PlannedDate,
    string? PatientFirstName = null,
    string? Concern = null,
    string? Proposed = null,
    string? CurrentClinic = null)
{
    public static PrepSheetAnswers From(CaseDetails draft, string? caseReference, DateTimeOffset? caseCreatedAt, string language)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new PrepSheetAnswers(
            language,
            caseReference,
            caseCreatedAt,
            [.. draft.Reasons],
            draft.Questions.Where(q => !string.IsNullOrWhiteSpace(q)).ToArray(),
            new Dictionary<string, RecordStatus>(draft.Records, StringComparer.Ordinal),
            draft.PlannedDate,
            draft.Role == ChatRole.Caregiver ? draft.PatientFirstName : null,
            draft.Concern,
            draft.Proposed,
            draft.CurrentClinic);
    }
}
