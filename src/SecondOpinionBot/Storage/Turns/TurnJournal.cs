using Microsoft.Bot.Schema;
using System.Data.Common;
using Newtonsoft.Json;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Storage.Turns;

/// <summary>
/// Which inbound activities each conversation has handled, and the replies of turns not yet known to be delivered
/// (encrypted with the conversation's key). A channel's resend of a handled activity is answered from here instead of
/// running the turn again; replies not known to be delivered are sent again (at least once).
/// </summary>
/// <remarks>
/// Handled activities are one row per conversation (<c>turn_handled</c>): a short hash of each of the last
/// <see cref="RecentTurns"/> activity ids, appended in the turn's commit. A row per turn (the conversation key, the
/// activity id and times, about 120 bytes) made the journal the largest thing a conversation stored: 2.9 KB of a
/// 7 KB journey. Channels resend an activity within seconds of it (Teams and Direct Line retry a request that got no
/// answer) and turns of a conversation run one at a time in arrival order, so a resend is always among the last few
/// turns; 16 covers a patient sending 15 more messages before a retry arrives. Replies live in <c>turn_journal</c>
/// only until they are delivered. Rows of <c>turn_journal</c> marked delivered by earlier versions are still
/// recognised until the retention sweep purges them.
/// </remarks>
public sealed class TurnJournal(BotDatabase database, IPatientDataProtector protector, TimeProvider clock) : ITurnJournal
{
    private static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>How many handled activity ids a conversation keeps (see the remarks).</summary>
    public const int RecentTurns = 16;

    // 48 bits of SHA-256 as 8 base64url characters, fixed width so the SQL can keep the last RecentTurns by length.
    // Two ids of one conversation among its last 16 share a hash with odds of about 1 in 10^13.
    private const int TokenLength = 8;

    public sealed record Entry(string ActivityId, IReadOnlyList<Activity> Replies, bool Delivered);

    /// <summary>See <see cref="LookupAsync"/>.</summary>
    public sealed record Lookup(IReadOnlyList<Entry> Undelivered, Entry? Handled);

    /// <summary>
    /// What a turn needs to know first, in one round trip: the conversation's earlier turns whose replies may not have
    /// gone out (oldest first), and this activity's own entry if it was handled before.
    /// </summary>
    public async Task<Lookup> LookupAsync(string conversationKey, string subject, string? activityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Index lookups only: the undelivered rows, this activity's row from before turn_handled, the handled row.
        await using var command = connection.Command($"""
            SELECT activity_id, replies, delivered, {database.InsertionOrder()} AS position FROM turn_journal WHERE conversation_key = @key AND delivered = 0
            UNION ALL
            SELECT activity_id, replies, delivered, {database.InsertionOrder()} FROM turn_journal WHERE conversation_key = @key AND activity_id = @id AND delivered <> 0
            ORDER BY position;
            SELECT recent FROM turn_handled WHERE conversation_key = @key;
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

        if (handled is null && activityId is not null && await reader.NextResultAsync(cancellationToken) && await reader.ReadAsync(cancellationToken)
            && Contains(reader.GetString(0), Token(activityId)))
        {
            handled = new Entry(activityId, [], Delivered: true);
        }

        return new Lookup(undelivered, handled);
    }

    /// <summary>The journal entry of an activity, or null when it was never handled.</summary>
    public async Task<Entry?> FindAsync(string conversationKey, string subject, string activityId, CancellationToken cancellationToken) =>
        (await LookupAsync(conversationKey, subject, activityId, cancellationToken)).Handled;

    /// <summary>Earlier turns of the conversation whose replies may not have gone out, oldest first.</summary>
    public async Task<IReadOnlyList<Entry>> UndeliveredAsync(string conversationKey, string subject, CancellationToken cancellationToken) =>
        (await LookupAsync(conversationKey, subject, null, cancellationToken)).Undelivered;

    /// <summary>The replies as stored (encrypted, not compressed: they are deleted once delivered); made before the turn's commit transaction starts.</summary>
    /// <remarks>
    /// No replies (a turn that only changed state, the Connector's "conversation created" turn of a new staff thread) is
    /// stored as "[]" as it is: there is nothing to protect, and encrypting it would make the conversation a data key.
    /// </remarks>
    public async Task<string> ProtectRepliesAsync(string subject, IReadOnlyList<Activity> replies, CancellationToken cancellationToken) =>
        replies.Count == 0 ? NoReplies : await protector.ProtectBrieflyAsync(subject, JsonConvert.SerializeObject(replies, Json), cancellationToken);

    private const string NoReplies = "[]";

    /// <summary>
    /// Records the handled activity inside the turn's commit transaction: its id among the conversation's recent ones
    /// and, until they are delivered, its replies.
    /// </summary>
    public async Task RecordAsync(DbConnection connection, DbTransaction transaction, string conversationKey, string activityId, string protectedReplies, bool delivered, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!delivered)
        {
            await using var replies = connection.Command("""
                INSERT INTO turn_journal (conversation_key, activity_id, replies, delivered, created_at) VALUES (@key, @id, @replies, 0, @now)
                ON CONFLICT (conversation_key, activity_id) DO NOTHING
                """, ("@key", conversationKey), ("@id", activityId), ("@replies", protectedReplies), ("@now", now));
            replies.Transaction = transaction;
            await replies.ExecuteNonQueryAsync(cancellationToken);
        }

        // Appended by the database, not from the lookup: nothing another writer added is overwritten.
        var recent = "turn_handled.recent || excluded.recent";
        var lastOnes = database.IsPostgreSql ? $"right({recent}, {RecentTurns * TokenLength})" : $"substr({recent}, -{RecentTurns * TokenLength})";
        await using var command = connection.Command($"""
            INSERT INTO turn_handled (conversation_key, recent, updated_at) VALUES (@key, @token, @now)
            ON CONFLICT (conversation_key) DO UPDATE SET recent = {lastOnes}, updated_at = excluded.updated_at
            """, ("@key", conversationKey), ("@token", Token(activityId)), ("@now", now));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Marks a turn's replies delivered (they are not needed again; the handled row still recognises a resend); with
    /// <paramref name="lease"/>, the conversation's lease is released in the same transaction (the turn's last write).
    /// </summary>
    public async Task MarkDeliveredAsync(string conversationKey, string activityId, HeldTurnLease? lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using (var command = connection.Command(
            "DELETE FROM turn_journal WHERE conversation_key = @key AND activity_id = @id",
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
        await using var command = connection.Command(Purge, ("@cutoff", cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The retention purge (run by <see cref="PurgeBeforeAsync"/> and the retention sweep): conversations idle since @cutoff.</summary>
    public const string Purge = """
        DELETE FROM turn_journal WHERE created_at < @cutoff;
        DELETE FROM turn_handled WHERE updated_at < @cutoff;
        """;

    /// <summary>Deletes a conversation's journal ("delete my data").</summary>
    public async Task EraseConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            DELETE FROM turn_journal WHERE conversation_key = @key;
            DELETE FROM turn_handled WHERE conversation_key = @key;
            """, ("@key", conversationKey));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Token(string activityId) =>
        System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(activityId)).AsSpan(0, 6));

    private static bool Contains(string recent, string token)
    {
        for (var start = 0; start + TokenLength <= recent.Length; start += TokenLength)
        {
            if (recent.AsSpan(start, TokenLength).SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<IReadOnlyList<Activity>> RepliesAsync(string subject, string stored, CancellationToken cancellationToken) =>
        await protector.UnprotectAsync(subject, stored, cancellationToken) is { } json
            ? JsonConvert.DeserializeObject<List<Activity>>(json, Json) ?? []
            : [];
}
