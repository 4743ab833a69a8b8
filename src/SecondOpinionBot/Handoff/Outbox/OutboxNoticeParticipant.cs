using SecondOpinionBot.Privacy;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>
/// Messages still waiting to be sent to the patient about their cases. Erasure drops them, so nothing reaches a person
/// who asked to be forgotten. Staff-side items (card updates, thread lines) stay: they carry no patient data.
/// Registered before the case participant, which replaces the owner key these items are found by.
/// </summary>
public sealed class OutboxNoticeParticipant(BotDatabase database) : IPersonalDataParticipant
{
    private const string PendingNoticesOfOwner = """
        FROM outbox
        WHERE kind = @kind AND completed_at IS NULL AND dead_letter IS NULL
          AND case_reference IN (SELECT reference FROM cases WHERE owner_key = @owner)
        """;

    public string Name => "outbox-notices";

    public async Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        var count = Convert.ToInt32(await ExecuteAsync("SELECT COUNT(*) " + PendingNoticesOfOwner, who, scalar: true, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return count == 0 ? [] : [new StoredDataItem(StoredDataCategory.PendingMessages, Count: count)];
    }

    public Task EraseAsync(PatientIdentity who, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE " + PendingNoticesOfOwner, who, scalar: false, cancellationToken);

    private async Task<object?> ExecuteAsync(string sql, PatientIdentity who, bool scalar, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@kind", OutboxKind.NotifyPatient.ToName());
        command.Parameters.AddWithValue("@owner", who.OwnerKey);
        return scalar ? await command.ExecuteScalarAsync(cancellationToken) : await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
