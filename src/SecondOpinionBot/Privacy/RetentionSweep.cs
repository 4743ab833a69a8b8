using System.Data.Common;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Privacy;

public sealed record SweepRun(int Drafts, int WebChatConversations, int OwnersCleared, int OutboxRows, int JournalRows);

/// <summary>
/// The purges that keep the README's retention words true, beyond closed cases and expired links:
/// idle drafts; a purged case's owner data (draft, prep-sheet links, web chat transcript, pending notices, and the data
/// key once nothing of theirs is left) unless they came back after it closed; web chat conversations (with their
/// transcripts) once neither their draft nor their position is kept; finished outbox rows; the turn journal of conversations idle for Storage:TurnJournalRetention.
/// Plain SQL that both providers run as it is.
/// </summary>
public sealed class RetentionSweep(BotDatabase database, IOptions<RetentionOptions> options, IOptions<StorageOptions> storage, TimeProvider clock)
{
    /// <summary>Run before closed cases are deleted: it needs their owners.</summary>
    public async Task<SweepRun> RunAsync(DateTimeOffset caseCutoff, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        await using var connection = await database.OpenAsync(cancellationToken);
        var owners = new List<(string Owner, string Reference, DateTimeOffset ClosedAt)>();
        await using (var closing = connection.CreateCommand())
        {
            closing.CommandText = "SELECT owner_key, reference, closed_at FROM cases WHERE closed_at IS NOT NULL AND closed_at < @cutoff";
            closing.Parameters.AddWithValue("@cutoff", caseCutoff);
            await using var reader = await closing.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                owners.Add((reader.GetString(0), reader.GetString(1), reader.GetTime(2)));
            }
        }

        var cleared = 0;
        foreach (var (owner, reference, closedAt) in owners)
        {
            await ExecuteAsync(connection, "DELETE FROM outbox WHERE case_reference = @ref", cancellationToken, ("@ref", reference));
            if (owner.StartsWith("erased:", StringComparison.Ordinal) || owner.IndexOf(':', StringComparison.Ordinal) is var colon && colon < 0)
            {
                continue;
            }

            var (channel, user) = (owner[..colon], owner[(colon + 1)..]);
            // Only what was not touched since the case closed: a patient who came back keeps their new journey.
            var stateKey = $"{channel}/users/{user}";
            await ExecuteAsync(connection, "DELETE FROM bot_state WHERE key = @key AND updated_at <= @closed", cancellationToken,
                ("@key", stateKey), ("@closed", closedAt));
            await ExecuteAsync(connection, "DELETE FROM prep_sheet_links WHERE owner_key = @owner AND created_at <= @closed", cancellationToken,
                ("@owner", owner), ("@closed", closedAt));
            var draftLeft = await ScalarAsync(connection, "SELECT COUNT(*) FROM bot_state WHERE key = @key", cancellationToken, ("@key", stateKey)) > 0;
            var otherCases = await ScalarAsync(connection, "SELECT COUNT(*) FROM cases WHERE owner_key = @owner AND NOT (closed_at IS NOT NULL AND closed_at < @cutoff)", cancellationToken,
                ("@owner", owner), ("@cutoff", caseCutoff));
            if (!draftLeft && otherCases == 0)
            {
                if (channel == Microsoft.Bot.Connector.Channels.Directline)
                {
                    await DeleteWebChatUserAsync(connection, user, cancellationToken);
                }

                // Nothing of theirs is left: their key goes, so any copy still somewhere is unreadable.
                await ExecuteAsync(connection, "DELETE FROM patient_keys WHERE subject = @owner", cancellationToken, ("@owner", owner));
                cleared++;
            }
        }

        var drafts = await ExecuteAsync(connection, "DELETE FROM bot_state WHERE key LIKE '%/users/%' AND updated_at < @cutoff", cancellationToken,
            ("@cutoff", now.AddDays(-settings.IdleDraftDays)));

        // A web chat transcript lives as long as its draft or its position does (declined users have no draft, so
        // theirs goes with the position after IdleConversationHours). The last position stays as an empty marker, as
        // in "delete my data", because clients' watermarks count on from it; the conversation row (no content) stays
        // for resuming until DirectLine:ResumeLifetime.
        const string Idle = """
            conversation_id IN (SELECT id FROM directline_conversations c WHERE c.created_at < @idle
                AND NOT EXISTS (SELECT 1 FROM bot_state s WHERE s.key = 'directline/users/' || c.user_id)
                AND NOT EXISTS (SELECT 1 FROM bot_state s WHERE s.key = 'directline/conversations/' || c.id))
            """;
        var webChats = await ExecuteAsync(connection, $"""
            DELETE FROM directline_activities WHERE {Idle}
              AND seq < (SELECT MAX(seq) FROM directline_activities m WHERE m.conversation_id = directline_activities.conversation_id);
            UPDATE directline_activities SET json = @erased WHERE {Idle} AND json <> @erased;
            """, cancellationToken, ("@idle", now.AddHours(-settings.IdleConversationHours)), ("@erased", Channels.DirectLine.DirectLineStore.ErasedMarker));

        var outbox = await ExecuteAsync(connection, "DELETE FROM outbox WHERE completed_at IS NOT NULL", cancellationToken);
        var journal = await ExecuteAsync(connection, Storage.Turns.TurnJournal.Purge, cancellationToken,
            ("@cutoff", now - storage.Value.TurnJournalRetention));
        await ExecuteAsync(connection, "DELETE FROM turn_queue WHERE heartbeat_at < @cutoff", cancellationToken, ("@cutoff", now.AddHours(-1)));
        return new SweepRun(drafts, webChats, cleared, outbox, journal);
    }

    private static Task<int> DeleteWebChatUserAsync(DbConnection connection, string user, CancellationToken cancellationToken) => ExecuteAsync(connection, """
        DELETE FROM directline_activities WHERE conversation_id IN (SELECT id FROM directline_conversations WHERE user_id = @user);
        DELETE FROM directline_conversations WHERE user_id = @user;
        """, cancellationToken, ("@user", user));

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
