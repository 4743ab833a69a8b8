using SecondOpinionBot.Handoff.Outbox;

namespace SecondOpinionBot.Handoff;

/// <summary>Proactive messages go through the outbox like every other post, so a Connector outage loses nothing.</summary>
public sealed class PatientNotifier(IOutbox outbox) : IPatientNotifier
{
    public Task NotifyAsync(CaseRecord record, PatientNotice notice, string staffName, string? outcomeId, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(
            OutboxKind.NotifyPatient,
            new OutboxPayload(record.Reference, Notice: notice, StaffName: Text.CardText.FirstName(staffName), Outcome: outcomeId),
            $"notify-patient:{record.Reference}:v{record.Version}",
            cancellationToken);
}
