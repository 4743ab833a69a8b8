using Microsoft.Bot.Schema;
using System.Data.Common;
using Newtonsoft.Json;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Storage.Turns;

/// <summary>
/// Which inbound activities each conversation has handled, with the replies each turn produced (encrypted with the
/// conversation's key) and whether they were delivered. A channel's resend of a handled activity is answered from here
/// instead of running the turn again; replies not known to be delivered are sent again (at least once).
/// </summary>
public sealed class TurnJournal(BotDatabase database, IPatientDataProtector protector, TimeProvider clock) : ITurnJournal
{
    private static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore };

    public sealed record Entry(string ActivityId, IReadOnlyList<Activity> Replies, bool Delivered);

    /// <summary>See <see cref="LookupAsync"/>.</summary>
    public sealed record Lookup(IReadOnlyList<Entry> Undelivered, Entry? Handled);

    /// <summary>
    /// What a turn needs to know first, in one read: the conversation's earlier turns whose replies may not have gone
    /// out (oldest first), and this activity's own entry if it was handled before.
    /// </summary>
    public async Task<Lookup> LookupAsync(string conversationKey, string subject, string? activityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Two index lookups (the undelivered rows; this activity's row), not a scan of the conversation's journal.
        await using var command = connection.Command($"""
            SELECT activity_id, replies, delivered, {database.InsertionOrder()} AS position FROM turn_journal WHERE conversation_key = @key AND delivered = 0
            UNION ALL
            SELECT activity_id, replies, delivered, {database.InsertionOrder()} FROM turn_journal WHERE conversation_key = @key AND activity_id = @id AND delivered <> 0
            ORDER BY position
            """, ("@key", conversationKey), ("@id", activityId ?? ""));
        var undelivered = new List<Entry>();
        Entry? handled = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            var delivered = Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) != 0;
            // A delivered entry's replies are not needed again (they are stored as "[]").
            var entry = new Entry(id, delivered ? [] : await RepliesAsync(subject, reader.GetString(1), cancellationToken), delivered);
            if (!delivered)
            {
                undelivered.Add(entry);
            }

            if (activityId is not null && string.Equals(id, activityId, StringComparison.Ordinal))
            {
                handled = entry;
            }
        }

        return new Lookup(undelivered, handled);
    }

    /// <summary>The journal entry of an activity, or null when it was never handled.</summary>
    public async Task<Entry?> FindAsync(string conversationKey, string subject, string activityId, CancellationToken cancellationToken) =>
        (await LookupAsync(conversationKey, subject, activityId, cancellationToken)).Handled;

    /// <summary>Earlier turns of the conversation whose replies may not have gone out, oldest first.</summary>
    public async Task<IReadOnlyList<Entry>> UndeliveredAsync(string conversationKey, string subject, CancellationToken cancellationToken) =>
        (await LookupAsync(conversationKey, subject, null, cancellationToken)).Undelivered;

    /// <summary>The replies as stored (encrypted); made before the turn's commit transaction starts.</summary>
    /// <remarks>
    /// No replies (a turn that only changed state, the Connector's "conversation created" turn of a new staff thread) is
    /// stored as "[]" as it is: there is nothing to protect, and encrypting it would make the conversation a data key.
    /// </remarks>
    public async Task<string> ProtectRepliesAsync(string subject, IReadOnlyList<Activity> replies, CancellationToken cancellationToken) =>
        replies.Count == 0 ? NoReplies : await protector.ProtectAsync(subject, JsonConvert.SerializeObject(replies, Json), cancellationToken);

    private const string NoReplies = "[]";

    /// <summary>Records the handled activity inside the turn's commit transaction.</summary>
    public async Task RecordAsync(DbConnection connection, DbTransaction transaction, string conversationKey, string activityId, string protectedReplies, bool delivered, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO turn_journal (conversation_key, activity_id, replies, delivered, created_at) VALUES (@key, @id, @replies, @delivered, @now)
            ON CONFLICT (conversation_key, activity_id) DO NOTHING
            """;
        command.Parameters.AddWithValue("@key", conversationKey);
        command.Parameters.AddWithValue("@id", activityId);
        command.Parameters.AddWithValue("@replies", protectedReplies);
        command.Parameters.AddWithValue("@delivered", delivered ? 1 : 0);
        command.Parameters.AddWithValue("@now", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Marks a turn's replies delivered; with <paramref name="lease"/>, the conversation's lease is released in the same
    /// transaction (the turn's last write).
    /// </summary>
    public async Task MarkDeliveredAsync(string conversationKey, string activityId, HeldTurnLease? lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        // Delivered replies are not needed again: only the id stays, to recognise a resend.
        await using (var command = connection.Command(
            $"UPDATE turn_journal SET delivered = 1, replies = '{NoReplies}' WHERE conversation_key = @key AND activity_id = @id",
            ("@key", conversationKey), ("@id", activityId)))
        {
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (lease is not null)
        {
            await lease.ReleaseWithinAsync(connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        lease?.Released();
    }

    /// <summary>Forgets handled activities older than the cutoff (channels resend within minutes).</summary>
    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM turn_journal WHERE created_at < @cutoff";
        command.Parameters.AddWithValue("@cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes a conversation's journal ("delete my data").</summary>
    public async Task EraseConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM turn_journal WHERE conversation_key = @key";
        command.Parameters.AddWithValue("@key", conversationKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Activity>> RepliesAsync(string subject, string stored, CancellationToken cancellationToken) =>
        await protector.UnprotectAsync(subject, stored, cancellationToken) is { } json
            ? JsonConvert.DeserializeObject<List<Activity>>(json, Json) ?? []
            : [];
}
