using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Operations.Funnel;

/// <summary>
/// "Delete my data" for journey statistics: the open journey ends and the keyed hash that linked it to the patient is
/// dropped, so what stays is an anonymous row of step names and times. Nothing is described: no answers are kept here.
/// </summary>
public sealed class JourneyDataParticipant(JourneyEvents journeys) : IPersonalDataParticipant
{
    public string Name => "journey-statistics";

    public Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDataItem>>([]);

    public Task EraseAsync(PatientIdentity who, CancellationToken cancellationToken) => journeys.ForgetAsync(who, cancellationToken);
}
