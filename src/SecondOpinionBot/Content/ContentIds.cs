namespace SecondOpinionBot.Content;

// The ids in dialogs/ that the C# relies on, declared once. ContentValidator requires each of them at startup, so
// removing one from the YAML stops the bot with the file, the line and what is missing, never a crash in a turn.
// Use these constants in code; never repeat the literal.

/// <summary>Situation ids the code sets or branches on; checked to exist in situations.yaml at load.</summary>
public static class SituationIds
{
    /// <summary>Set when the planned date is within the routing table's urgent window.</summary>
    public const string DateSoon = "date-soon";

    /// <summary>
    /// Nothing is proposed yet: a `proposal` choice with this tag skips the "tell me more" question, and is what an
    /// unclear answer to that question counts as.
    /// </summary>
    public const string DiagnosisUnclear = "diagnosis-unclear";

    public static readonly IReadOnlyList<string> Required = [DateSoon, DiagnosisUnclear];
}

/// <summary>Staff queues the code names (staff bind them with "set queue …"); checked to exist in routing.yaml.</summary>
public static class QueueIds
{
    public const string SocialWork = "social-work";
    public const string CareCoordination = "care-coordination";

    public static readonly IReadOnlyList<string> Required = [SocialWork, CareCoordination];
}

/// <summary>Needs the code branches on; editors may relabel them, not remove them.</summary>
public static class NeedIds
{
    /// <summary>"An interpreter or another language": staff see that an interpreter may be needed.</summary>
    public const string Interpreter = "interpreter";

    public static readonly IReadOnlyList<string> Required = [Interpreter];
}

/// <summary>Choice sets and the choice ids the code branches on; editors may relabel and reorder, not remove these.</summary>
public static class ChoiceSetIds
{
    public const string Consent = "consent";
    public const string Resume = "resume";
    public const string Role = "role";
    public const string Relationship = "relationship";
    public const string Proposal = "proposal";
    public const string RecordStatus = "record-status";
    public const string Urgency = "urgency";
    public const string ContactMethod = "contact-method";
    public const string ConfirmSend = "confirm-send";
    public const string QuestionEdit = "question-edit";

    /// <summary>Buttons offered at "when is a good time?" (at most three); typed times are read back instead.</summary>
    public const string ContactTimes = "contact-times";

    /// <summary>How a caregiver can act for the patient (the patient agrees, parent, proxy, guardian, not sure, no).</summary>
    public const string ProxyAuthority = "proxy-authority";

    /// <summary>Said at the records card: "one by one" answers each record in the chat instead.</summary>
    public const string RecordsMode = "records-mode";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Required =
        new Dictionary<string, IReadOnlyList<string>>
        {
            [Consent] = ["yes", "no"],
            [Resume] = ["continue", "start-over"],
            [Role] = ["patient", "caregiver"],
            [Relationship] = [],
            [Proposal] = [],
            [RecordStatus] = ["have", "need-help", "not-applicable"],
            [Urgency] = ["stable", "slowly", "fast"],
            [ContactMethod] = ["teams", "webchat", "phone", "email"],
            [ConfirmSend] = ["send", "change", "not-now"],
            [QuestionEdit] = ["remove", "reword"],
            [ContactTimes] = [],
            [ProxyAuthority] = ["agrees", "not-sure", "no"],
            [RecordsMode] = ["one-by-one"],
        };

    /// <summary>Situation tags that some choice of the set must carry (which choice is the editors' call).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> RequiredTags =
        new Dictionary<string, IReadOnlyList<string>>
        {
            [Proposal] = [SituationIds.DiagnosisUnclear],
        };
}
