using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake;

/// <summary>
/// Everything the journey has gathered for one user, saved after every step (the user's state document), so a reset dialog stack,
/// a new conversation or a new browser tab can pick up where the user left off. On confirmation it is copied once into the case's own <see cref="CaseDetails"/>.
/// </summary>
public sealed class IntakeDraft : Dialogs.State.ICopyableDraft<IntakeDraft>
{
    /// <summary>The value of the user's state document the draft is kept under (<see cref="Dialogs.State.DraftAccessor{T}"/>).</summary>
    public const string StatePropertyName = "IntakeDraft";

    /// <summary>Whether the user agreed to have answers stored. Null until asked; false keeps only the position.</summary>
    public bool? ConsentToStore { get; set; }

    public ChatRole? Role { get; set; }

    public string? PatientFirstName { get; set; }

    public string? Relationship { get; set; }

    public bool? PatientAgrees { get; set; }

    /// <summary>For a caregiver: how they can act for the patient, as they chose it ("I'm their legal guardian").</summary>
    public string? ProxyAuthority { get; set; }

    public string? Concern { get; set; }

    public string? Proposed { get; set; }

    /// <summary>The date of the planned test, treatment or procedure, if one is set.</summary>
    public DateOnly? PlannedDate { get; set; }

    /// <summary>Situation tags (content ids such as cancer, procedure-planned) from choices and the user's own words.</summary>
    public List<string> Situations { get; set; } = [];

    public string? CurrentClinic { get; set; }

    public List<string> Reasons { get; set; } = [];

    public List<string> Questions { get; set; } = [];

    public Dictionary<string, RecordStatus> Records { get; set; } = [];

    public List<string> Needs { get; set; } = [];

    /// <summary>
    /// What else would make this easier, in the user's words (the needs step's free-text question). Shown to them in
    /// the summary and to staff in Details, never on the channel card.
    /// </summary>
    public string? NeedsNote { get; set; }

    public bool SymptomsChangingFast { get; set; }

    /// <summary>Set when the emergency path fired during this journey; a case started later is urgent.</summary>
    public bool EmergencySignalled { get; set; }

    public List<string> ContactMethods { get; set; } = [];

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? ContactTimes { get; set; }

    /// <summary>
    /// Questions and worries said at a choice or yes/no question that the bot could not answer there, in the user's
    /// words, for our team to answer (shown on the staff card).
    /// </summary>
    public List<string> TeamQuestions { get; set; } = [];

    /// <summary>
    /// Answers the bot could not understand after its retries (<see cref="CaseDetailsFields"/> names): stored as not
    /// known instead of a guess. Any of them means the case needs a call.
    /// </summary>
    public List<string> NotKnown { get; set; } = [];

    public bool NeedsCall() => NotKnown.Count > 0;

    /// <summary>The last journey step completed, to resume from.</summary>
    public string? LastStep { get; set; }

    /// <summary>Journey sections already answered (see <see cref="JourneySections"/>); the journey resumes at the first missing one.</summary>
    public List<string> CompletedSections { get; set; } = [];

    /// <summary>Grows with every saved change; the summary card carries it so an outdated card is recognised.</summary>
    public int Revision { get; set; }

    public string? CaseReference { get; set; }

    /// <summary>
    /// The language the patient chose ("es"), from the welcome's button or by typing its name; null when they never
    /// chose (the channel's locale decides, see <see cref="PatientLanguage"/>). Kept when they start over.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>
    /// A deep copy, as storing the draft and reading it back gives (a missing list reads as empty): the turn's draft is
    /// parsed once and each step gets one of these. A new list or dictionary property must be copied here too
    /// (IntakeDraftCopyTests checks every property).
    /// </summary>
    public IntakeDraft Copy()
    {
        var copy = (IntakeDraft)MemberwiseClone();
        copy.Situations = [.. Situations ?? []];
        copy.Reasons = [.. Reasons ?? []];
        copy.Questions = [.. Questions ?? []];
        copy.Records = Records is null ? [] : new Dictionary<string, RecordStatus>(Records);
        copy.Needs = [.. Needs ?? []];
        copy.ContactMethods = [.. ContactMethods ?? []];
        copy.TeamQuestions = [.. TeamQuestions ?? []];
        copy.NotKnown = [.. NotKnown ?? []];
        copy.CompletedSections = [.. CompletedSections ?? []];
        return copy;
    }
}
