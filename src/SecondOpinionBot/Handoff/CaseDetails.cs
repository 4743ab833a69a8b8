using System.Text.Json.Serialization;

namespace SecondOpinionBot.Handoff;

/// <summary>
/// The answers a case was sent with, as the case keeps them: a snapshot taken once when the patient sends the case,
/// owned by Handoff so that the journey's draft can change shape without changing stored cases, staff cards or
/// Details. Stored as JSON with <see cref="Format"/>; <see cref="CaseDetailsJson"/> reads every format ever written.
/// </summary>
public sealed record CaseDetails
{
    /// <summary>
    /// The format this code writes. Format 1 was the journey's draft stored as it was, without this field; format 3
    /// added <see cref="Language"/> (format 1 and 2 rows read without one: those patients were spoken to in English).
    /// </summary>
    public const int CurrentFormat = 3;

    /// <summary>The format the row was written in (1 for rows without the field); set on writing.</summary>
    [JsonPropertyName("format")]
    public int Format { get; init; }

    public ChatRole? Role { get; init; }

    public string? PatientFirstName { get; init; }

    /// <summary>A caregiver's relationship to the patient, as a choice id (relationships in choices.yaml).</summary>
    public string? Relationship { get; init; }

    public bool? PatientAgrees { get; init; }

    /// <summary>For a caregiver: how they can act for the patient, as a choice id (proxy-authority in choices.yaml).</summary>
    public string? ProxyAuthority { get; init; }

    public string? Concern { get; init; }

    public string? Proposed { get; init; }

    public DateOnly? PlannedDate { get; init; }

    /// <summary>Situation tags (content ids such as cancer, procedure-planned).</summary>
    public IReadOnlyList<string> Situations { get; init; } = [];

    public string? CurrentClinic { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public IReadOnlyList<string> Questions { get; init; } = [];

    public IReadOnlyDictionary<string, RecordStatus> Records { get; init; } = new Dictionary<string, RecordStatus>();

    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>What else would make this easier, in the patient's words: for staff in Details, never on the channel card.</summary>
    public string? NeedsNote { get; init; }

    public bool SymptomsChangingFast { get; init; }

    /// <summary>The emergency path fired during the journey that led to this case.</summary>
    public bool EmergencySignalled { get; init; }

    public IReadOnlyList<string> ContactMethods { get; init; } = [];

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? ContactTimes { get; init; }

    /// <summary>Questions and worries the bot could not answer in the journey, for the team to answer.</summary>
    public IReadOnlyList<string> TeamQuestions { get; init; } = [];

    /// <summary>Answers the bot could not understand (<see cref="CaseDetailsFields"/> names); any of them means a call.</summary>
    public IReadOnlyList<string> NotKnown { get; init; } = [];

    public bool NeedsCall() => NotKnown.Count > 0;

    /// <summary>The language the patient used when sending the case ("es"); null on cases sent before it was recorded.</summary>
    public string? Language { get; init; }

    /// <summary>What is left after the patient deleted their data: nothing of theirs.</summary>
    public static CaseDetails Erased { get; } = new();
}
