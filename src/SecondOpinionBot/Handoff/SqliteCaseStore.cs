using System.Text.Json;
using System.Text.Json.Serialization;
using System.Data.Common;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Handoff;

/// <summary>
/// Cases in SQLite. Every status change is a conditional UPDATE plus an audit line, in one transaction. The patient's
/// answers and conversation are stored encrypted with the owner's data key.
/// </summary>
public sealed class SqliteCaseStore(BotDatabase database, TimeProvider clock, IPatientDataProtector protector) : ICaseStore
{
    private const string Columns = """
        id, reference, owner_key, created_at, queue, secondary_queue, priority, status, assignee_id, assignee_name,
        outcome, version, patient_conversation, details, staff_conversation, staff_card_activity, closed_at,
        assignee_user_id, resolved_by_id, resolved_by_name
        """;


    public async Task<CaseRecord> CreateAsync(NewCase request, CancellationToken cancellationToken)
    {
        var protectedDetails = await protector.ProtectKeptAsync(request.OwnerKey, CaseDetailsJson.Write(request.Details), cancellationToken);
        var protectedConversation = request.PatientConversation is null ? null : await protector.ProtectKeptAsync(request.OwnerKey, request.PatientConversation, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var record = new CaseRecord
            {
                Id = Guid.NewGuid().ToString("N"),
                Reference = CaseReferenceGenerator.Next(),
                OwnerKey = request.OwnerKey,
                CreatedAt = clock.GetUtcNow(),
                Queue = request.Queue,
                SecondaryQueue = request.SecondaryQueue,
                Priority = request.Priority,
                Status = CaseStatus.New,
                Version = 1,
                PatientConversation = request.PatientConversation,
                Details = request.Details,
            };
            try
            {
                await using var transaction = await connection.BeginWriteAsync(cancellationToken);
                if (request.RequestKey is not null)
                {
                    await using var existing = connection.CreateCommand();
                    existing.Transaction = transaction;
                    existing.CommandText = "SELECT reference FROM cases WHERE request_key = @key";
                    existing.Parameters.AddWithValue("@key", request.RequestKey);
                    if (await existing.ExecuteScalarAsync(cancellationToken) is string made)
                    {
                        await transaction.RollbackAsync(cancellationToken);
                        return (await FindAsync(made, cancellationToken))!;
                    }
                }

                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = $"""
                        INSERT INTO cases (id, reference, owner_key, created_at, queue, secondary_queue, priority, status, version, patient_conversation, details, request_key)
                        VALUES (@id, @reference, @owner, @created, @queue, @secondary, @priority, @status, 1, @conversation, @details, @request)
                        """;
                    insert.Parameters.AddWithValue("@id", record.Id);
                    insert.Parameters.AddWithValue("@reference", record.Reference);
                    insert.Parameters.AddWithValue("@owner", record.OwnerKey);
                    insert.Parameters.AddWithValue("@created", record.CreatedAt);
                    insert.Parameters.AddWithValue("@queue", record.Queue);
                    insert.Parameters.AddWithValue("@secondary", (object?)record.SecondaryQueue ?? DBNull.Value);
                    insert.Parameters.AddWithValue("@priority", record.Priority.ToString());
                    insert.Parameters.AddWithValue("@status", record.Status.ToString());
                    insert.Parameters.AddWithValue("@conversation", (object?)protectedConversation ?? DBNull.Value);
                    insert.Parameters.AddWithValue("@details", protectedDetails);
                    insert.Parameters.AddWithValue("@request", (object?)request.RequestKey ?? DBNull.Value);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                await AuditAsync(connection, transaction, record.Id, "patient", "created", $"queue={record.Queue}; priority={record.Priority}", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return record;
            }
            catch (DbException ex) when (ex.IsUniqueViolation() && attempt < 5)
            {
                // A reference collision (UNIQUE constraint): draw another. Or another instance just stored the case of
                // this request key: the next attempt finds it.
            }
        }
    }

    public Task<CaseRecord?> FindAsync(string reference, CancellationToken cancellationToken) =>
        QuerySingleAsync("reference = @value", reference.ToUpperInvariant(), cancellationToken);

    public Task<CaseRecord?> FindLatestForOwnerAsync(string ownerKey, CancellationToken cancellationToken) =>
        QuerySingleAsync("owner_key = @value ORDER BY created_at DESC", ownerKey, cancellationToken);

    public async Task<IReadOnlyList<CaseRecord>> ListOpenAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM cases WHERE queue = @queue AND status NOT IN ('Resolved', 'Withdrawn')
            ORDER BY CASE priority WHEN 'Urgent' THEN 0 ELSE 1 END, created_at
            """;
        command.Parameters.AddWithValue("@queue", queue);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<CaseTransitionResult> TryTransitionAsync(
        string reference, CaseStatus expected, CaseStatus target, CaseActor actor, string? outcome, CancellationToken cancellationToken)
    {
        if (!CaseTransitions.IsAllowed(expected, target))
        {
            return new CaseTransitionResult(false, await FindAsync(reference, cancellationToken));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        var takesAssignee = target is CaseStatus.Claimed;
        var resolves = target is CaseStatus.Resolved;
        update.CommandText = $"""
            UPDATE cases SET status = @to, version = version + 1,
                assignee_id = {(takesAssignee ? "@actorId" : "assignee_id")},
                assignee_name = {(takesAssignee ? "@actorName" : "assignee_name")},
                assignee_user_id = {(takesAssignee ? "@actorUserId" : "assignee_user_id")},
                resolved_by_id = {(resolves ? "@actorId" : "resolved_by_id")},
                resolved_by_name = {(resolves ? "@actorName" : "resolved_by_name")},
                outcome = COALESCE(@outcome, outcome),
                closed_at = @closedAt
            WHERE reference = @reference AND status = @expected
            RETURNING id
            """;
        update.Parameters.AddWithValue("@to", target.ToString());
        update.Parameters.AddWithValue("@actorId", actor.Id);
        update.Parameters.AddWithValue("@actorName", actor.DisplayName);
        update.Parameters.AddWithValue("@actorUserId", (object?)actor.TeamsUserId ?? DBNull.Value);
        update.Parameters.AddWithValue("@outcome", (object?)outcome ?? DBNull.Value);
        update.Parameters.AddWithValue("@closedAt", CaseTransitions.IsOpen(target) ? null : clock.GetUtcNow());
        update.Parameters.AddWithValue("@reference", reference.ToUpperInvariant());
        update.Parameters.AddWithValue("@expected", expected.ToString());
        var id = (string?)await update.ExecuteScalarAsync(cancellationToken);
        if (id is not null)
        {
            await AuditAsync(connection, transaction, id, actor.Id, $"{expected}->{target}", outcome, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CaseTransitionResult(id is not null, await FindAsync(reference, cancellationToken));
    }

    public async Task<CaseTransitionResult> TryTakeOverAsync(string reference, string expectedAssigneeId, CaseActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE cases SET version = version + 1, assignee_id = @actorId, assignee_name = @actorName, assignee_user_id = @actorUserId
            WHERE reference = @reference AND status = 'Claimed' AND assignee_id = @expected AND assignee_id <> @actorId
            RETURNING id
            """;
        update.Parameters.AddWithValue("@actorId", actor.Id);
        update.Parameters.AddWithValue("@actorName", actor.DisplayName);
        update.Parameters.AddWithValue("@actorUserId", (object?)actor.TeamsUserId ?? DBNull.Value);
        update.Parameters.AddWithValue("@reference", reference.ToUpperInvariant());
        update.Parameters.AddWithValue("@expected", expectedAssigneeId);
        var id = (string?)await update.ExecuteScalarAsync(cancellationToken);
        if (id is not null)
        {
            await AuditAsync(connection, transaction, id, actor.Id, "take-over", $"from={expectedAssigneeId}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CaseTransitionResult(id is not null, await FindAsync(reference, cancellationToken));
    }

    public async Task<CaseTransitionResult> TryAssignAsync(string reference, int expectedVersion, CaseActor assignee, CaseActor by, CancellationToken cancellationToken) =>
        await ConditionalUpdateAsync(reference, """
            UPDATE cases SET status = 'Claimed', version = version + 1,
                assignee_id = @assigneeId, assignee_name = @assigneeName, assignee_user_id = @assigneeUserId
            WHERE reference = @reference AND version = @version AND status NOT IN ('Resolved', 'Withdrawn')
            RETURNING id
            """, command =>
            {
                command.Parameters.AddWithValue("@assigneeId", assignee.Id);
                command.Parameters.AddWithValue("@assigneeName", assignee.DisplayName);
                command.Parameters.AddWithValue("@assigneeUserId", (object?)assignee.TeamsUserId ?? DBNull.Value);
                command.Parameters.AddWithValue("@version", expectedVersion);
            }, by.Id, "assigned", $"to={assignee.Id}", null, cancellationToken);

    public async Task<CaseTransitionResult> TryUnassignAsync(string reference, string expectedAssigneeId, CaseActor by, CancellationToken cancellationToken) =>
        await ConditionalUpdateAsync(reference, """
            UPDATE cases SET status = 'New', version = version + 1, assignee_id = NULL, assignee_name = NULL, assignee_user_id = NULL
            WHERE reference = @reference AND status = 'Claimed' AND assignee_id = @expected
            RETURNING id
            """, command => command.Parameters.AddWithValue("@expected", expectedAssigneeId), by.Id, "unassigned", $"from={expectedAssigneeId}", null, cancellationToken);

    public async Task<CaseTransitionResult> TryTransferAsync(string reference, int expectedVersion, string targetQueue, CaseActor by, CancellationToken cancellationToken)
    {
        var before = await FindAsync(reference, cancellationToken);
        return await ConditionalUpdateAsync(reference, """
            UPDATE cases SET status = 'Transferred', version = version + 1, queue = @target,
                assignee_id = NULL, assignee_name = NULL, assignee_user_id = NULL,
                staff_conversation = NULL, staff_card_activity = NULL
            WHERE reference = @reference AND version = @version AND queue <> @target AND status NOT IN ('Resolved', 'Withdrawn')
            RETURNING id
            """, command =>
            {
                command.Parameters.AddWithValue("@target", targetQueue);
                command.Parameters.AddWithValue("@version", expectedVersion);
            }, by.Id, "transferred", $"from={before?.Queue};to={targetQueue}",
            async (connection, transaction, id) =>
            {
                // The old thread's card stays a copy, updated with the case from now on (it then says where the case went).
                if (before?.StaffConversationId is { } oldThread && before.StaffCardActivityId is { } oldCard)
                {
                    await using var copy = connection.CreateCommand();
                    copy.Transaction = transaction;
                    copy.CommandText = "INSERT INTO case_card_copies (case_id, conversation_id, activity_id) VALUES (@case, @conversation, @activity) ON CONFLICT DO NOTHING";
                    copy.Parameters.AddWithValue("@case", id);
                    copy.Parameters.AddWithValue("@conversation", oldThread);
                    copy.Parameters.AddWithValue("@activity", oldCard);
                    await copy.ExecuteNonQueryAsync(cancellationToken);
                }
            }, cancellationToken);
    }

    public async Task<IReadOnlyList<CaseRecord>> ListOpenAssignedToAsync(string assigneeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM cases WHERE assignee_id = @assignee AND status = 'Claimed'
            ORDER BY CASE priority WHEN 'Urgent' THEN 0 ELSE 1 END, created_at
            """;
        command.Parameters.AddWithValue("@assignee", assigneeId);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>One conditional UPDATE … RETURNING id, its audit line and any extra writes, in one transaction.</summary>
    private async Task<CaseTransitionResult> ConditionalUpdateAsync(
        string reference, string sql, Action<DbCommand> parameters, string actor, string action, string? detail,
        Func<DbConnection, DbTransaction, string, Task>? alsoWrite, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = sql;
        update.Parameters.AddWithValue("@reference", reference.ToUpperInvariant());
        parameters(update);
        var id = (string?)await update.ExecuteScalarAsync(cancellationToken);
        if (id is not null)
        {
            await AuditAsync(connection, transaction, id, actor, action, detail, cancellationToken);
            if (alsoWrite is not null)
            {
                await alsoWrite(connection, transaction, id);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new CaseTransitionResult(id is not null, await FindAsync(reference, cancellationToken));
    }

    public async Task<CaseRecord?> MarkUrgentAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE cases SET priority = 'Urgent', version = version + 1
            WHERE reference = @reference AND priority <> 'Urgent' AND status NOT IN ('Resolved', 'Withdrawn')
            RETURNING id
            """;
        update.Parameters.AddWithValue("@reference", reference.ToUpperInvariant());
        var id = (string?)await update.ExecuteScalarAsync(cancellationToken);
        if (id is not null)
        {
            await AuditAsync(connection, transaction, id, "patient", "priority->Urgent", null, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return id is null ? null : await FindAsync(reference, cancellationToken);
    }

    public async Task AddCardCopyAsync(string reference, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO case_card_copies (case_id, conversation_id, activity_id)
            SELECT id, @conversation, @activity FROM cases WHERE reference = @reference
            ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("@conversation", conversationId);
        command.Parameters.AddWithValue("@activity", activityId);
        command.Parameters.AddWithValue("@reference", reference.ToUpperInvariant());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(string ConversationId, string ActivityId)>> ListCardCopiesAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT k.conversation_id, k.activity_id FROM case_card_copies k JOIN cases c ON c.id = k.case_id
            WHERE c.reference = @reference ORDER BY {database.InsertionOrder("k")}
            """;
        command.Parameters.AddWithValue("@reference", reference.ToUpperInvariant());
        var copies = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            copies.Add((reader.GetString(0), reader.GetString(1)));
        }

        return copies;
    }

    public async Task RemoveCardCopyAsync(string reference, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM case_card_copies WHERE activity_id = @activity AND case_id = (SELECT id FROM cases WHERE reference = @reference)";
        command.Parameters.AddWithValue("@activity", activityId);
        command.Parameters.AddWithValue("@reference", reference.ToUpperInvariant());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SetStaffCardAsync(string reference, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE cases SET staff_conversation = @conversation, staff_card_activity = @activity WHERE reference = @reference";
        command.Parameters.AddWithValue("@conversation", conversationId);
        command.Parameters.AddWithValue("@activity", activityId);
        command.Parameters.AddWithValue("@reference", reference.ToUpperInvariant());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CaseAuditEntry>> GetAuditAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT a.at, a.actor, a.action, a.detail FROM case_audit a JOIN cases c ON c.id = a.case_id
            WHERE c.reference = @reference ORDER BY {database.InsertionOrder("a")}
            """;
        command.Parameters.AddWithValue("@reference", reference.ToUpperInvariant());
        var entries = new List<CaseAuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new CaseAuditEntry(reader.GetTime(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return entries;
    }

    public async Task AppendAuditAsync(string reference, string actor, string action, string? detail, CancellationToken cancellationToken)
    {
        var record = await FindAsync(reference, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await AuditAsync(connection, null, record?.Id ?? reference, actor, action, detail, cancellationToken);
    }

    public async Task<int> ErasePersonalDataAsync(string ownerKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using var erase = connection.CreateCommand();
        erase.Transaction = transaction;
        // The owner key itself is personal (a user id), so it is replaced too; open cases are withdrawn.
        erase.CommandText = """
            UPDATE cases SET details = '{}', patient_conversation = NULL, owner_key = 'erased:' || id,
                status = CASE WHEN status IN ('Resolved', 'Withdrawn') THEN status ELSE 'Withdrawn' END,
                closed_at = COALESCE(closed_at, @now), version = version + 1
            WHERE owner_key = @owner
            RETURNING id
            """;
        erase.Parameters.AddWithValue("@owner", ownerKey);
        erase.Parameters.AddWithValue("@now", clock.GetUtcNow());
        var ids = new List<string>();
        await using (var reader = await erase.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        foreach (var id in ids)
        {
            await AuditAsync(connection, transaction, id, "patient", "personal-data-erased", null, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    public async Task<int> PurgeClosedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM cases WHERE closed_at IS NOT NULL AND closed_at < @cutoff";
        command.Parameters.AddWithValue("@cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task AuditAsync(DbConnection connection, DbTransaction? transaction, string caseId, string actor, string action, string? detail, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO case_audit (case_id, at, actor, action, detail) VALUES (@case, @at, @actor, @action, @detail)";
        command.Parameters.AddWithValue("@case", caseId);
        command.Parameters.AddWithValue("@at", clock.GetUtcNow());
        command.Parameters.AddWithValue("@actor", actor);
        command.Parameters.AddWithValue("@action", action);
        command.Parameters.AddWithValue("@detail", (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<CaseRecord?> QuerySingleAsync(string where, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM cases WHERE {where} LIMIT 1";
        command.Parameters.AddWithValue("@value", value);
        var all = await ReadAllAsync(command, cancellationToken);
        return all.Count == 0 ? null : all[0];
    }

    private async Task<IReadOnlyList<CaseRecord>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var records = new List<CaseRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var owner = reader.GetString(2);
            // After the owner's key is shredded the answers and the conversation read as gone.
            var details = await protector.UnprotectAsync(owner, reader.GetString(13), cancellationToken);
            var conversation = Text(12) is { } stored ? await protector.UnprotectAsync(owner, stored, cancellationToken) : null;
            records.Add(new CaseRecord
            {
                Id = reader.GetString(0),
                Reference = reader.GetString(1),
                OwnerKey = reader.GetString(2),
                CreatedAt = reader.GetTime(3),
                Queue = reader.GetString(4),
                SecondaryQueue = Text(5),
                Priority = Enum.Parse<CasePriority>(reader.GetString(6)),
                Status = Enum.Parse<CaseStatus>(reader.GetString(7)),
                AssigneeId = Text(8),
                AssigneeName = Text(9),
                Outcome = Text(10),
                Version = reader.GetInt32(11),
                PatientConversation = conversation,
                Details = CaseDetailsJson.Read(details),
                StaffConversationId = Text(14),
                StaffCardActivityId = Text(15),
                ClosedAt = reader.GetTimeOrNull(16),
                AssigneeUserId = Text(17),
                ResolvedById = Text(18),
                ResolvedByName = Text(19),
            });
        }

        return records;
    }
}
