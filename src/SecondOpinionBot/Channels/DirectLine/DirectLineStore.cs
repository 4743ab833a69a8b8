using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using System.Data.Common;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// Durable Direct Line conversations and transcripts in SQLite, so a returning patient sees what arrived while away.
/// Transcript activities are encrypted with the web chat user's data key.
/// </summary>
public sealed class DirectLineStore : IDirectLineStore
{

    private readonly BotDatabase _database;
    private readonly TimeProvider _time;
    private readonly IPatientDataProtector _protector;
    private readonly IDataProtector _settingsProtector;

    public DirectLineStore(BotDatabase database, TimeProvider time, IPatientDataProtector protector, IDataProtectionProvider dataProtection)
    {
        _database = database;
        _time = time;
        _protector = protector;
        _settingsProtector = dataProtection.CreateProtector("SecondOpinionBot.DirectLine.TokenSigningKey.v1");
    }

    /// <summary>
    /// The token signing key, generated once and kept in the database wrapped by Data Protection (so the database alone
    /// cannot mint tokens). A plain key left by an older version is deleted, which ends its tokens.
    /// </summary>
    public async Task<byte[]> GetOrCreateSigningKeyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var dropPlain = connection.CreateCommand())
        {
            dropPlain.CommandText = "DELETE FROM directline_settings WHERE name = 'token_signing_key'";
            await dropPlain.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO directline_settings (name, value) VALUES ('token_signing_key_protected', @value) ON CONFLICT (name) DO NOTHING";
        insert.Parameters.AddWithValue("@value", Convert.ToBase64String(_settingsProtector.Protect(RandomNumberGenerator.GetBytes(32))));
        await insert.ExecuteNonQueryAsync(cancellationToken);

        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM directline_settings WHERE name = 'token_signing_key_protected'";
        return _settingsProtector.Unprotect(Convert.FromBase64String((string)(await select.ExecuteScalarAsync(cancellationToken))!));
    }

    /// <summary>Whose key encrypts a conversation's transcript: its web chat user's.</summary>
    private async Task<string?> SubjectOfAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id FROM directline_conversations WHERE id = @id";
        command.Parameters.AddWithValue("@id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is string userId ? Subject(userId) : null;
    }

    private static string Subject(string userId) => PatientDataSubjects.Owner(Microsoft.Bot.Connector.Channels.Directline, userId);

    public async Task CreateConversationAsync(string conversationId, string userId, string? resumeSecret, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO directline_conversations (id, user_id, resume_hash, created_at) VALUES (@id, @user, @hash, @at)";
        command.Parameters.AddWithValue("@id", conversationId);
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@hash", resumeSecret is null ? DBNull.Value : Hash(resumeSecret));
        command.Parameters.AddWithValue("@at", _time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, started FROM directline_conversations WHERE id = @id";
        command.Parameters.AddWithValue("@id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DirectLineConversation(conversationId, reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) != 0)
            : null;
    }

    /// <summary>The conversation, if the secret is the one issued with its first token.</summary>
    /// <param name="maxAge">Older conversations cannot be resumed (DirectLine:ResumeLifetime).</param>
    public async Task<DirectLineConversation?> FindByResumeSecretAsync(string conversationId, string resumeSecret, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, started, resume_hash, created_at FROM directline_conversations WHERE id = @id";
        command.Parameters.AddWithValue("@id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(2))
        {
            return null;
        }

        if (maxAge != TimeSpan.MaxValue && _time.GetUtcNow() - reader.GetTime(3) > maxAge)
        {
            return null;
        }

        var stored = Convert.FromHexString(reader.GetString(2));
        return CryptographicOperations.FixedTimeEquals(stored, Convert.FromHexString(Hash(resumeSecret)))
            ? new DirectLineConversation(conversationId, reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) != 0)
            : null;
    }

    /// <summary>"Forget this device": the secret no longer opens the conversation (nothing else is deleted). False when it did not match.</summary>
    public async Task<bool> ForgetResumeSecretAsync(string conversationId, string resumeSecret, CancellationToken cancellationToken)
    {
        if (await FindByResumeSecretAsync(conversationId, resumeSecret, TimeSpan.MaxValue, cancellationToken) is null)
        {
            return false;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_conversations SET resume_hash = NULL WHERE id = @id";
        command.Parameters.AddWithValue("@id", conversationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>True only for the first caller, so the greeting turn runs once per conversation.</summary>
    public async Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_conversations SET started = 1 WHERE id = @id AND started = 0";
        command.Parameters.AddWithValue("@id", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Appends an activity at the next position; <paramref name="serialize"/> gets that position to build the id.</summary>
    /// <summary>
    /// The stored activity a client posted before under the same clientActivityID (Web Chat resends with it after a
    /// failed post), or null. A resend is not stored twice; its turn runs with the first one's id, so it runs once.
    /// </summary>
    public async Task<string?> FindByClientActivityIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        if (await SubjectOfAsync(conversationId, cancellationToken) is not { } subject)
        {
            return null;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM directline_activities WHERE conversation_id = @id AND client_activity_id = @client ORDER BY seq LIMIT 1";
        command.Parameters.AddWithValue("@id", conversationId);
        command.Parameters.AddWithValue("@client", clientActivityId);
        return await command.ExecuteScalarAsync(cancellationToken) is string stored
            ? await _protector.UnprotectAsync(subject, stored, cancellationToken)
            : null;
    }

    public async Task<long> AppendActivityAsync(string conversationId, Func<long, (string ActivityId, string Json)> serialize, CancellationToken cancellationToken, string? clientActivityId = null)
    {
        var subject = await SubjectOfAsync(conversationId, cancellationToken) ?? throw new InvalidOperationException("Unknown conversation.");
        // The data key is made (a write of its own) before this write transaction starts.
        await _protector.ProtectAsync(subject, "", cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using var next = connection.CreateCommand();
        // The counter row's lock is held until commit: the next append (on any instance) waits for this one.
        next.CommandText = "UPDATE directline_conversations SET last_seq = last_seq + 1 WHERE id = @id RETURNING last_seq";
        next.Parameters.AddWithValue("@id", conversationId);
        var sequence = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("Unknown conversation."), System.Globalization.CultureInfo.InvariantCulture);

        var (activityId, json) = serialize(sequence);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO directline_activities (conversation_id, seq, activity_id, json, client_activity_id) VALUES (@id, @seq, @activity, @json, @client)";
        insert.Parameters.AddWithValue("@client", (object?)clientActivityId ?? DBNull.Value);
        insert.Parameters.AddWithValue("@id", conversationId);
        insert.Parameters.AddWithValue("@seq", sequence);
        insert.Parameters.AddWithValue("@activity", activityId);
        insert.Parameters.AddWithValue("@json", await _protector.ProtectAsync(subject, json, cancellationToken));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    public async Task<bool> ReplaceActivityAsync(string conversationId, string activityId, string json, CancellationToken cancellationToken)
    {
        if (await SubjectOfAsync(conversationId, cancellationToken) is not { } subject)
        {
            return false;
        }

        json = await _protector.ProtectAsync(subject, json, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_activities SET json = @json WHERE conversation_id = @id AND activity_id = @activity";
        command.Parameters.AddWithValue("@id", conversationId);
        command.Parameters.AddWithValue("@activity", activityId);
        command.Parameters.AddWithValue("@json", json);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadActivitiesAfterAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        if (await SubjectOfAsync(conversationId, cancellationToken) is not { } subject)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, json FROM directline_activities WHERE conversation_id = @id AND seq > @after AND json <> @erased ORDER BY seq LIMIT @limit";
        command.Parameters.AddWithValue("@erased", ErasedMarker);
        command.Parameters.AddWithValue("@id", conversationId);
        command.Parameters.AddWithValue("@after", afterSequence);
        command.Parameters.AddWithValue("@limit", limit);
        var activities = new List<StoredActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // A position whose key was shredded is skipped like an erased one.
            if (await _protector.UnprotectAsync(subject, reader.GetString(1), cancellationToken) is { } json)
            {
                activities.Add(new StoredActivity(reader.GetInt64(0), json));
            }
        }

        return activities;
    }

    /// <summary>How many transcript activities the user's conversations hold.</summary>
    public async Task<int> CountUserActivitiesAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM directline_activities a JOIN directline_conversations c ON c.id = a.conversation_id
            WHERE c.user_id = @user AND json <> @erased
            """;
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@erased", ErasedMarker);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Erases the transcripts of the user's conversations. The last row of each stays as an empty marker, because the
    /// next position (and so clients' watermarks) counts on from it; the conversations themselves stay usable.
    /// </summary>
    public async Task EraseUserTranscriptsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM directline_activities
            WHERE conversation_id IN (SELECT id FROM directline_conversations WHERE user_id = @user)
              AND seq < (SELECT MAX(seq) FROM directline_activities m WHERE m.conversation_id = directline_activities.conversation_id);
            UPDATE directline_activities SET json = @erased
            WHERE conversation_id IN (SELECT id FROM directline_conversations WHERE user_id = @user);
            """;
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@erased", ErasedMarker);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What an erased transcript position holds: an event clients ignore, with nothing in it.</summary>
    internal const string ErasedMarker = """{"type":"event","name":"so.transcriptErased"}""";

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => _database.OpenAsync(cancellationToken);
}
