using System.Data.Common;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Storage.Turns;

/// <summary>Which inbound activities each conversation has handled, with their replies (<see cref="TurnJournal"/>).</summary>
public interface ITurnJournal
{
    Task<TurnJournal.Lookup> LookupAsync(string conversationKey, string subject, string? activityId, CancellationToken cancellationToken);

    Task<TurnJournal.Entry?> FindAsync(string conversationKey, string subject, string activityId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TurnJournal.Entry>> UndeliveredAsync(string conversationKey, string subject, CancellationToken cancellationToken);

    Task<string> ProtectRepliesAsync(string subject, IReadOnlyList<Activity> replies, CancellationToken cancellationToken);

    /// <summary>Records the handled activity inside the turn's commit transaction.</summary>
    Task RecordAsync(DbConnection connection, DbTransaction transaction, string conversationKey, string activityId, string protectedReplies, bool delivered, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(string conversationKey, string activityId, HeldTurnLease? lease, CancellationToken cancellationToken);

    Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task EraseConversationAsync(string conversationKey, CancellationToken cancellationToken);
}
