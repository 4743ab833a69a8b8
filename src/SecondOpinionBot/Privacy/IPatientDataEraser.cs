namespace SecondOpinionBot.Privacy;

/// <summary>"What do you know about me" and "delete my data", across every <see cref="IPersonalDataParticipant"/>.</summary>
public interface IPatientDataEraser
{
    Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken);

    /// <summary>
    /// Erases everything every participant holds about the person. A participant that fails does not stop the others;
    /// the result says which failed so the user can be told to try again.
    /// Inside a turn, also call <c>userState.DeleteAsync(turnContext)</c> and <c>conversationState.DeleteAsync(turnContext)</c>
    /// so the turn's cached state is not written back at the end of the turn.
    /// </summary>
    Task<ErasureResult> EraseAsync(PatientIdentity who, CancellationToken cancellationToken);
}

/// <param name="FailedParticipants">Names of the participants that could not erase; empty when everything was erased.</param>
public sealed record ErasureResult(IReadOnlyList<string> FailedParticipants)
{
    public bool Complete => FailedParticipants.Count == 0;
}
