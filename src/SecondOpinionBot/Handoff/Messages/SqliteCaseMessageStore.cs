using System.Data.Common;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Handoff.Messages;

/// <summary>Messages between staff and the patient; the text is encrypted with the case owner's data key.</summary>
public sealed class SqliteCaseMessageStore(BotDatabase database, TimeProvider clock, Storage.Protection.IPatientDataProtector protector) : ICaseMessageStore
{
    private const string Columns = "m.id, m.case_id, m.at, m.direction, m.author_id, m.author_name, m.text, m.delivered_at, (SELECT owner_key FROM cases o WHERE o.id = m.case_id)";

    public async Task<CaseMessage> AddAsync(string caseId, MessageDirection direction, string authorId, string authorName, string text, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var owner = await OwnerOfAsync(caseId, cancellationToken) ?? throw new InvalidOperationException("No such case.");
        var stored = await protector.ProtectKeptAsync(owner, text, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO case_messages (case_id, at, direction, author_id, author_name, text)
            VALUES (@case, @at, @direction, @author, @name, @text) RETURNING id
            """;
        command.Parameters.AddWithValue("@case", caseId);
        command.Parameters.AddWithValue("@at", at);
        command.Parameters.AddWithValue("@direction", direction.ToString());
        command.Parameters.AddWithValue("@author", authorId);
        command.Parameters.AddWithValue("@name", authorName);
        command.Parameters.AddWithValue("@text", stored);
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new CaseMessage(id, caseId, at, direction, authorId, authorName, text, null);
    }

    public async Task<CaseMessage?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM case_messages m WHERE m.id = @value", id, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<CaseMessage>> ListAsync(string caseId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM case_messages m WHERE m.case_id = @value ORDER BY m.id", caseId, cancellationToken);

    public async Task MarkDeliveredAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE case_messages SET delivered_at = COALESCE(delivered_at, @at) WHERE id = @id";
        command.Parameters.AddWithValue("@at", clock.GetUtcNow());
        command.Parameters.AddWithValue("@id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<CaseMessage>> ListUndeliveredToOwnerAsync(string ownerKey, CancellationToken cancellationToken) => QueryAsync(
        $"""
        SELECT {Columns} FROM case_messages m JOIN cases c ON c.id = m.case_id
        WHERE c.owner_key = @value AND m.direction = 'ToPatient' AND m.delivered_at IS NULL ORDER BY m.id
        """,
        ownerKey, cancellationToken);

    public async Task<int> CountForOwnerAsync(string ownerKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM case_messages WHERE direction <> 'StaffNote' AND case_id IN (SELECT id FROM cases WHERE owner_key = @owner)";
        command.Parameters.AddWithValue("@owner", ownerKey);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task EraseForOwnerAsync(string ownerKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM case_messages WHERE case_id IN (SELECT id FROM cases WHERE owner_key = @owner)";
        command.Parameters.AddWithValue("@owner", ownerKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<CaseMessage>> QueryAsync(string sql, object value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@value", value);
        var messages = new List<CaseMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // After the owner's key is shredded a message reads as empty.
            var text = reader.IsDBNull(8) ? null : await protector.UnprotectAsync(reader.GetString(8), reader.GetString(6), cancellationToken);
            messages.Add(Read(reader, text ?? ""));
        }

        return messages;
    }

    private async Task<string?> OwnerOfAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner_key FROM cases WHERE id = @id";
        command.Parameters.AddWithValue("@id", caseId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static CaseMessage Read(DbDataReader reader, string text) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetTime(2),
        Enum.Parse<MessageDirection>(reader.GetString(3)),
        reader.GetString(4),
        reader.GetString(5),
        text,
        reader.IsDBNull(7) ? null : reader.GetTime(7));
}
