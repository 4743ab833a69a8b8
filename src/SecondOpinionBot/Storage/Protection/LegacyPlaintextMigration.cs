namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// At startup, encrypts patient content written before encryption at rest existed (values without the "pd1:" prefix),
/// so an old database does not keep plain text until each row happens to be written again (a closed case never is).
/// Each column names how its rows' subject is found, the same subject its store uses. Every update is conditional on
/// the old value, so a store writing the row meanwhile wins. Afterwards the WAL is checkpointed: with secure_delete the
/// old cells are zeroed and no plain copy stays in the files. Idempotent: a second start finds nothing to do.
/// The turn journal is not listed: it was encrypted from its first version. SQLite only (rowid): PostgreSQL storage
/// came later.
/// </summary>
public sealed partial class LegacyPlaintextMigration(BotDatabase database, IPatientDataProtector protector, ILogger<LegacyPlaintextMigration> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the old rows are encrypted (at once on PostgreSQL).</summary>
    public Task Completed => _completed.Task;

    private const int Batch = 200;

    /// <summary>Tables and columns are code, never input: they are put into the SQL as they are.</summary>
    internal static readonly IReadOnlyList<ProtectedColumn> Columns =
    [
        new("bot_state", "document", "key", PatientDataSubjects.OfStateKey),
        new("cases", "details", "owner_key"),
        new("cases", "patient_conversation", "owner_key"),
        new("case_messages", "text", "(SELECT owner_key FROM cases WHERE cases.id = case_messages.case_id)"),
        new("prep_sheet_links", "sheet", "owner_key"),
        new("directline_activities", "json", "(SELECT user_id FROM directline_conversations WHERE directline_conversations.id = directline_activities.conversation_id)",
            userId => PatientDataSubjects.Owner(Microsoft.Bot.Connector.Channels.Directline, userId)),
    ];

    /// <summary>
    /// In the background, so a database that cannot be opened yet does not stop the host from starting (readiness says
    /// so); retried every minute until it has run once. Stores reading meanwhile still read old plain values.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.IsPostgreSql)
        {
            _completed.TrySetResult(); // PostgreSQL storage came after encryption at rest: it never held plain rows.
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
                _completed.TrySetResult();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && (ex.IsDatabaseError() || ex is IOException or UnauthorizedAccessException or InvalidOperationException))
            {
                LogFailed(ex.GetType().FullName);
                await Task.Delay(RetryAfterFailure, stoppingToken);
            }
        }
    }

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var encrypted = 0;
        foreach (var column in Columns)
        {
            encrypted += await EncryptColumnAsync(column, cancellationToken);
        }

        if (encrypted > 0)
        {
            await database.CheckpointAsync(cancellationToken);
            LogEncrypted(encrypted);
        }
    }

    /// <summary>Encrypts one column's plain values; returns how many rows it changed.</summary>
    internal async Task<int> EncryptColumnAsync(ProtectedColumn column, CancellationToken cancellationToken)
    {
        var changed = 0;
        var skipped = new HashSet<long>();
        while (true)
        {
            var rows = await ReadPlainAsync(column, skipped, cancellationToken);
            if (rows.Count == 0)
            {
                return changed;
            }

            foreach (var (rowId, subjectSource, plain) in rows)
            {
                if (subjectSource is null)
                {
                    skipped.Add(rowId); // No owner any more (an orphan row): left to retention.
                    continue;
                }

                var subject = column.SubjectOf?.Invoke(subjectSource) ?? subjectSource;
                var stored = await protector.ProtectAsync(subject, plain, cancellationToken);
                await using var connection = await database.OpenAsync(cancellationToken);
                await using var update = connection.CreateCommand();
                update.CommandText = $"UPDATE {column.Table} SET {column.Column} = @stored WHERE rowid = @row AND {column.Column} = @plain";
                update.Parameters.AddWithValue("@stored", stored);
                update.Parameters.AddWithValue("@row", rowId);
                update.Parameters.AddWithValue("@plain", plain);
                if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    changed++;
                }
                else
                {
                    skipped.Add(rowId); // Written meanwhile, so already encrypted by its store.
                }
            }
        }
    }

    private async Task<List<(long RowId, string? Subject, string Plain)>> ReadPlainAsync(ProtectedColumn column, HashSet<long> skipped, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = $"""
            SELECT rowid, {column.SubjectSql}, {column.Column} FROM {column.Table}
            WHERE {column.Column} IS NOT NULL AND {column.Column} <> '' AND substr({column.Column}, 1, 4) NOT IN (@current, @uncompressed)
            ORDER BY rowid LIMIT {Batch + skipped.Count}
            """;
        select.Parameters.AddWithValue("@current", PatientDataFormat.Current);
        select.Parameters.AddWithValue("@uncompressed", PatientDataFormat.Uncompressed);
        var rows = new List<(long, string?, string)>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            if (!skipped.Contains(rowId))
            {
                rows.Add((rowId, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
            }
        }

        return rows;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Encrypting old plain rows failed ({ExceptionType}); retrying in a minute.")]
    private partial void LogFailed(string? exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} value(s) of patient content written before encryption at rest.")]
    private partial void LogEncrypted(int count);
}

/// <param name="SubjectSql">A SQL expression over the row giving its subject (or what <paramref name="SubjectOf"/> turns into it).</param>
internal sealed record ProtectedColumn(string Table, string Column, string SubjectSql, Func<string, string>? SubjectOf = null);
