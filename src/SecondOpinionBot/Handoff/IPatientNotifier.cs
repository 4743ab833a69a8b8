namespace SecondOpinionBot.Handoff;

/// <summary>Tells the patient, in their own conversation, that their case was claimed or resolved.</summary>
public interface IPatientNotifier
{
    /// <param name="staffName">The staff member's display name; only the first name is used.</param>
    /// <param name="outcomeId">For a resolved case, the outcome chosen on the card.</param>
    Task NotifyAsync(CaseRecord record, Outbox.PatientNotice notice, string staffName, string? outcomeId, CancellationToken cancellationToken);
}
