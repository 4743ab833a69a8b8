using Microsoft.Bot.Builder;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Operations.Telemetry;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations.Funnel;

/// <summary>
/// Records where journeys get to, for the funnel and the journey metrics: one row per journey, one per step reached the
/// first time. Only step names, times, the channel and (while open) a keyed hash of the owner key are kept. Recording
/// never fails a patient's turn: an error is logged by type and the turn goes on.
/// </summary>
public sealed partial class JourneyEvents(BotDatabase database, Pseudonyms pseudonyms, BotMetrics metrics, TimeProvider clock, ILogger<JourneyEvents> logger)
{
    /// <summary>The patient reached <paramref name="step"/> (see <see cref="JourneySteps"/>); begins a journey if none is open.</summary>
    public Task ReachedAsync(ITurnContext turn, string step, CancellationToken cancellationToken) =>
        SafelyAsync(() => RecordReachedAsync(turn, step, cancellationToken));

    /// <summary>The open journey ended with <paramref name="outcome"/> (see <see cref="JourneyOutcomes"/>).</summary>
    public Task FinishedAsync(ITurnContext turn, string outcome, CancellationToken cancellationToken) =>
        SafelyAsync(async () =>
        {
            var subject = await SubjectAsync(turn, cancellationToken);
            if (outcome == JourneyOutcomes.Sent)
            {
                await RecordReachedAsync(turn, JourneySteps.Sent, cancellationToken);
            }

            await EndAsync(subject, outcome, cancellationToken);
        });

    /// <summary>A case was stored for the first time (a retried send of the same case is not counted again).</summary>
    public void CaseCreated(CaseRecord record) =>
        metrics.CaseCreated(record.Queue, record.Priority == CasePriority.Urgent ? "urgent" : "routine");

    /// <summary>Ends the open journey of a patient who deleted their data, and drops the hash that linked it to them.</summary>
    public async Task ForgetAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        var subject = await pseudonyms.HashAsync(who.OwnerKey, cancellationToken);
        await EndAsync(subject, JourneyOutcomes.Deleted, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE journeys SET subject = NULL WHERE subject = @subject";
        command.Parameters.AddWithValue("@subject", subject);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task RecordReachedAsync(ITurnContext turn, string step, CancellationToken cancellationToken)
    {
        var subject = await SubjectAsync(turn, cancellationToken);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT id FROM journeys WHERE subject = @subject AND outcome IS NULL ORDER BY id DESC LIMIT 1";
        find.Parameters.AddWithValue("@subject", subject);
        var id = await find.ExecuteScalarAsync(cancellationToken) is { } found and not DBNull ? Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        var started = false;
        if (id is null)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO journeys (subject, channel, started_at, last_step, last_at) VALUES (@subject, @channel, @now, @step, @now)
                RETURNING id
                """;
            insert.Parameters.AddWithValue("@subject", subject);
            insert.Parameters.AddWithValue("@channel", TagValues.Code(turn.Activity.ChannelId));
            insert.Parameters.AddWithValue("@now", now);
            insert.Parameters.AddWithValue("@step", step);
            id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            started = true;
        }

        await using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = """
            INSERT INTO journey_steps (journey_id, step, at) VALUES (@id, @step, @now) ON CONFLICT DO NOTHING
            """;
        record.Parameters.AddWithValue("@id", id);
        record.Parameters.AddWithValue("@step", step);
        record.Parameters.AddWithValue("@now", now);
        var firstTime = await record.ExecuteNonQueryAsync(cancellationToken) == 1;

        await using var touch = connection.CreateCommand();
        touch.Transaction = transaction;
        touch.CommandText = "UPDATE journeys SET last_step = @step, last_at = @now WHERE id = @id";
        touch.Parameters.AddWithValue("@id", id);
        touch.Parameters.AddWithValue("@step", step);
        touch.Parameters.AddWithValue("@now", now);
        await touch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (started)
        {
            metrics.JourneyStarted();
        }

        if (firstTime)
        {
            metrics.StepReached(step);
        }
    }

    private async Task EndAsync(string subject, string outcome, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE journeys SET outcome = @outcome, ended_at = @now, subject = NULL
            WHERE subject = @subject AND outcome IS NULL
            """;
        command.Parameters.AddWithValue("@outcome", outcome);
        command.Parameters.AddWithValue("@now", clock.GetUtcNow());
        command.Parameters.AddWithValue("@subject", subject);
        if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
        {
            metrics.JourneyFinished(outcome);
        }
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
