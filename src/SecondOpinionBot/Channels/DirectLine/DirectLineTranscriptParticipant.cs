using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>The local web chat transcript (what the patient and the bot said in Direct Line conversations of that user).</summary>
public sealed class DirectLineTranscriptParticipant(IDirectLineStore store) : IPersonalDataParticipant
{
    public string Name => "directline-transcript";

    public async Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        if (!IsDirectLine(who))
        {
            return [];
        }

        var count = await store.CountUserActivitiesAsync(who.UserId, cancellationToken);
        return count == 0 ? [] : [new StoredDataItem(StoredDataCategory.WebChatTranscript, Count: count)];
    }

    public Task EraseAsync(PatientIdentity who, CancellationToken cancellationToken) =>
        IsDirectLine(who) ? store.EraseUserTranscriptsAsync(who.UserId, cancellationToken) : Task.CompletedTask;

    private static bool IsDirectLine(PatientIdentity who) => who.ChannelId == Microsoft.Bot.Connector.Channels.Directline;
}
