namespace SecondOpinionBot.Handoff;

/// <summary>The answer to the patient's "status" command: the status, who has the case, and the next step.</summary>
public static class CaseStatusText
{
    public static string Describe(CaseRecord record)
    {
        var person = QueueNames.PersonPhrase(record.Queue);
        var assignee = Staff.CardText.FirstName(record.AssigneeName);
        return record.Status switch
        {
            CaseStatus.New or CaseStatus.Transferred or CaseStatus.Reopened =>
                $"Your case {record.Reference} is waiting for {person}. Nobody has picked it up yet. " +
                $"Next step: {person} will take it and contact you {PatientMessages.When(record)}{PatientMessages.By(record.Details)}.",
            CaseStatus.Claimed =>
                $"Your case {record.Reference} is being worked on. {assignee}, {person}, has it. " +
                $"Next step: {assignee} will contact you{PatientMessages.By(record.Details)}.",
            CaseStatus.Resolved =>
                $"Your case {record.Reference} is finished{(assignee.Length > 0 ? $"; {assignee} worked on it" : "")}. " +
                "Next step: nothing more is needed from you. If you need more help, just write to me here.",
            CaseStatus.Withdrawn =>
                $"Your case {record.Reference} was withdrawn, so nobody is working on it. Next step: type \"start\" if you want to begin again.",
            _ => $"Your case {record.Reference} is {record.Status}.",
        };
    }

    /// <summary>For "status" when the person has no case yet.</summary>
    public const string NoCase = "You have no case with us yet. Type \"start\" to get ready for a second opinion.";
}
