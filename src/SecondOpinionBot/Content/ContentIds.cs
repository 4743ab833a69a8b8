namespace SecondOpinionBot.Content;

/// <summary>Situation ids the code sets itself (not from keywords or choices); checked to exist at load.</summary>
public static class SituationIds
{
    /// <summary>Set when the planned date is within the routing table's urgent window.</summary>
    public const string DateSoon = "date-soon";

    public static readonly IReadOnlyList<string> Required = [DateSoon];
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
        };
}
