using SecondOpinionBot.Storage;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Privacy;

/// <summary>
/// Erases through every participant, then shreds the person's data keys (their own and this conversation's), so any
/// copy of their content left in a WAL, a free page, a replica or a backup can no longer be read, and finally empties
/// the WAL so the deleted rows' old page images go too.
/// </summary>
public sealed partial class PatientDataEraser(
    IEnumerable<IPersonalDataParticipant> participants, IPatientDataProtector protector, BotDatabase database, ILogger<PatientDataEraser> logger) : IPatientDataEraser
{
    public async Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        var items = new List<StoredDataItem>();
        foreach (var participant in participants)
        {
            items.AddRange(await participant.DescribeAsync(who, cancellationToken));
        }

        // Grouped by kind in a fixed order, whatever order the participants were registered in.
        return [.. items.OrderBy(item => item.Category)];
    }

    public async Task<ErasureResult> EraseAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        foreach (var participant in participants.OrderBy(p => p.Order))
        {
            try
            {
                await participant.EraseAsync(who, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Exception messages can quote stored data, so only the type is logged.
                LogEraseFailed(participant.Name, ex.GetType().FullName);
                failed.Add(participant.Name);
            }
        }

        // Even when a participant failed: its rows stay, but unreadable.
        await protector.ShredAsync(who.OwnerKey, cancellationToken);
        await protector.ShredAsync(PatientDataSubjects.Conversation(who.ChannelId, who.ConversationId), cancellationToken);
        await database.CheckpointAsync(cancellationToken);
        LogErased(failed.Count == 0 ? "complete" : "incomplete", failed.Count);
        return new ErasureResult(failed);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Personal data erasure failed in participant {Participant}: {ExceptionType}")]
    private partial void LogEraseFailed(string participant, string? exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal data erasure {Outcome}; {FailedCount} participant(s) failed")]
    private partial void LogErased(string outcome, int failedCount);
}
