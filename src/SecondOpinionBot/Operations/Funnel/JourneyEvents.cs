using System.Data.Common;
using Microsoft.Bot.Builder;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Operations.Telemetry;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations.Funnel;

/// <summary>
/// Records where journeys get to, for the funnel and the journey metrics: one row per journey, one per step reached the
/// first time. Only step names, times, the channel and (while open) a keyed hash of the owner key are kept. Recording
/// never fails a patient's turn: an error is logged by type and the turn goes on.
/// </summary>
public sealed partial class JourneyEvents(BotDatabase database, Pseudonyms pseudonyms, BotMetrics metrics, TimeProvider clock, ILogger<JourneyEvents> logger) : IJourneyRecorder
{
    public Task ReachedAsync(ITurnContext turn, string reached, CancellationToken cancellationToken) =>
        SafelyAsync(async () =>
        {
            var subject = await SubjectAsync(turn, cancellationToken);
            await WriteAsync((connection, transaction, token) => RecordReachedAsync(connection, transaction, subject, TagValues.Code(turn.Activity.ChannelId), reached, token), cancellationToken);
        });

    public Task FinishedAsync(ITurnContext turn, string outcome, CancellationToken cancellationToken) =>
        SafelyAsync(async () =>
        {
            var subject = await SubjectAsync(turn, cancellationToken);
            var channel = TagValues.Code(turn.Activity.ChannelId);
            await WriteAsync(async (connection, transaction, token) =>
            {
                var reached = outcome == JourneyOutcomes.Sent ? await RecordReachedAsync(connection, transaction, subject, channel, JourneySteps.Sent, token) : null;
                var ended = await EndAsync(connection, transaction, subject, outcome, token);
                return reached + ended;
            }, cancellationToken);
        });

    /// <summary>A case was stored for the first time (a retried send of the same case is not counted again).</summary>
    public void CaseCreated(CaseRecord record) =>
        metrics.CaseCreated(record.Queue, record.Priority == CasePriority.Urgent ? "urgent" : "routine");

    /// <summary>Ends the open journey of a patient who deleted their data, and drops the hash that linked it to them.</summary>
    public async Task ForgetAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        var subject = await pseudonyms.HashAsync(who.OwnerKey, cancellationToken);
        async Task<Action?> Forget(DbConnection connection, DbTransaction? transaction, CancellationToken token)
        {
            var ended = await EndAsync(connection, transaction, subject, JourneyOutcomes.Deleted, token);
            await using var command = connection.Command("UPDATE journeys SET subject = NULL WHERE subject = @subject", ("@subject", subject));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(token);
            return ended;
        }

        // At once, whatever happens to the turn; and again at its commit, after any step this turn staged.
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            (await Forget(connection, null, cancellationToken))?.Invoke();
        }

        Storage.Turns.TurnUnit.Current?.AlsoCommit(async (connection, transaction, token) => await Forget(connection, transaction, token));
    }

    /// <summary>
    /// Inside a patient's turn the rows go into the turn's own commit (one write transaction per turn; a failed turn
    /// records nothing and its resend records it), under a savepoint so a failure here never fails the turn. Outside a
    /// turn they are written at once. Metrics follow the commit.
    /// </summary>
    private async Task WriteAsync(Func<DbConnection, DbTransaction, CancellationToken, Task<Action?>> write, CancellationToken cancellationToken)
    {
        if (Storage.Turns.TurnUnit.Current is { } unit)
        {
            unit.AlsoCommit(async (connection, transaction, token) =>
            {
                await transaction.SaveAsync(Savepoint, token);
                try
                {
                    var committed = await write(connection, transaction, token);
                    await transaction.ReleaseAsync(Savepoint, token);
                    if (committed is not null)
                    {
                        unit.OnCommitted(committed);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await transaction.RollbackAsync(Savepoint, token);
                    LogRecordFailed(ex.GetType().FullName);
                }
            });
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var done = await write(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        done?.Invoke();
    }

    private const string Savepoint = "journey_funnel";

    private async Task<Action?> RecordReachedAsync(DbConnection connection, DbTransaction transaction, string subject, string channel, string step, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var find = connection.Command("SELECT id FROM journeys WHERE subject = @subject AND outcome IS NULL ORDER BY id DESC LIMIT 1", ("@subject", subject));
        find.Transaction = transaction;
        var id = await find.ExecuteScalarAsync(cancellationToken) is { } found and not DBNull ? Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        var started = false;
        if (id is null)
        {
            await using var insert = connection.Command("""
                INSERT INTO journeys (subject, channel, started_at, last_step, last_at) VALUES (@subject, @channel, @now, @step, @now)
                RETURNING id
                """, ("@subject", subject), ("@channel", channel), ("@now", now), ("@step", step));
            insert.Transaction = transaction;
            id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            started = true;
        }

        await using var record = connection.Command(
            "INSERT INTO journey_steps (journey_id, step, at) VALUES (@id, @step, @now) ON CONFLICT DO NOTHING",
            ("@id", id), ("@step", step), ("@now", now));
        record.Transaction = transaction;
        var firstTime = await record.ExecuteNonQueryAsync(cancellationToken) == 1;

        await using var touch = connection.Command("UPDATE journeys SET last_step = @step, last_at = @now WHERE id = @id", ("@id", id), ("@step", step), ("@now", now));
        touch.Transaction = transaction;
        await touch.ExecuteNonQueryAsync(cancellationToken);
        return () =>
        {
            if (started)
            {
                metrics.JourneyStarted();
            }

            if (firstTime)
            {
                metrics.StepReached(step);
            }
        };
    }

    private async Task<Action?> EndAsync(DbConnection connection, DbTransaction? transaction, string subject, string outcome, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("""
            UPDATE journeys SET outcome = @outcome, ended_at = @now, subject = NULL
            WHERE subject = @subject AND outcome IS NULL
            """, ("@outcome", outcome), ("@now", clock.GetUtcNow()), ("@subject", subject));
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0 ? () => metrics.JourneyFinished(outcome) : null;
    }

    private ValueTask<string> SubjectAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        pseudonyms.HashAsync(PatientIdentity.From(turn.Activity).OwnerKey, cancellationToken);

    private async Task SafelyAsync(Func<Task> record)
    {
        try
        {
            await record();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecordFailed(ex.GetType().FullName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a journey step ({ExceptionType}); the patient's turn goes on")]
    private partial void LogRecordFailed(string? exceptionType);
}
