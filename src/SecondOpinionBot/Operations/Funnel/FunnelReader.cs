using System.Data.Common;
using System.Globalization;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations.Funnel;

/// <summary>Builds a <see cref="FunnelReport"/> from an open connection (the host's database, or the report command's read-only one).</summary>
public static class FunnelReader
{
    public const string InProgress = "in progress";

    public static async Task<FunnelReport> ReadAsync(DbConnection connection, DateTimeOffset now, int days, OperationsOptions options, CancellationToken cancellationToken)
    {
        var from = now.AddDays(-days);
        var since = from;
        var journeys = new Dictionary<long, (string LastStep, string Outcome)>();
        await ReadAsync(connection, "SELECT id, last_step, COALESCE(outcome, '') FROM journeys WHERE started_at >= @since", since, reader =>
            journeys[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2)), cancellationToken);

        var reached = new Dictionary<long, Dictionary<string, DateTimeOffset>>();
        await ReadAsync(connection, """
            SELECT s.journey_id, s.step, s.at FROM journey_steps s JOIN journeys j ON j.id = s.journey_id WHERE j.started_at >= @since
            """, since, reader =>
        {
            var id = reader.GetInt64(0);
            if (!reached.TryGetValue(id, out var steps))
            {
                reached[id] = steps = [];
            }

            steps[reader.GetString(1)] = reader.GetTime(2);
        }, cancellationToken);

        var order = JourneySteps.InOrder;
        var steps = order.Select((step, index) => new FunnelStep(
            step,
            reached.Values.Count(r => r.ContainsKey(step)),
            Median(reached.Values.Select(r => TimeToNext(r, order, index)).OfType<TimeSpan>().ToList()))).ToList();

        var stops = journeys.Values.Where(j => j.Outcome != JourneyOutcomes.Sent)
            .GroupBy(j => (j.LastStep, Outcome: j.Outcome.Length == 0 ? InProgress : j.Outcome))
            .Select(g => new FunnelStop(g.Key.LastStep, g.Key.Outcome, g.Count()))
            .OrderBy(s => IndexOf(order, s.Step)).ThenByDescending(s => s.Journeys).ToList();

        var cases = new List<CaseCount>();
        await ReadAsync(connection, """
            SELECT queue, priority, status, COALESCE(outcome, ''), COUNT(*) FROM cases WHERE created_at >= @since
            GROUP BY queue, priority, status, COALESCE(outcome, '') ORDER BY queue, priority, status
            """, since, reader =>
            cases.Add(new CaseCount(reader.GetString(0), reader.GetString(1).ToLowerInvariant(), reader.GetString(2).ToLowerInvariant(), reader.GetString(3), Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture))), cancellationToken);

        var waits = new List<(string Priority, DateTimeOffset Created, DateTimeOffset? Claimed, bool Waiting)>();
        await ReadAsync(connection, $"""
            SELECT c.priority, c.created_at, MIN(a.at), CASE WHEN c.status IN {OperationsQueries.Waiting} THEN 1 ELSE 0 END
            FROM cases c LEFT JOIN case_audit a ON a.case_id = c.id AND a.action LIKE '%->Claimed'
            WHERE c.created_at >= @since GROUP BY c.id, c.priority, c.created_at, c.status
            """, since, reader => waits.Add((
                reader.GetString(0),
                reader.GetTime(1),
                reader.IsDBNull(2) ? null : reader.GetTime(2),
                Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture) == 1)), cancellationToken);

        var claims = new[] { (Name: "Urgent", Target: options.ClaimTargetUrgent), (Name: "Routine", Target: options.ClaimTargetRoutine) }
            .Select(p =>
            {
                var ofPriority = waits.Where(w => w.Priority == p.Name).ToList();
                var times = ofPriority.Where(w => w.Claimed is not null).Select(w => w.Claimed!.Value - w.Created).Order().ToList();
                return new ClaimTimes(
                    p.Name.ToLowerInvariant(), ofPriority.Count, times.Count, Median(times), Percentile(times, 0.9), p.Target,
                    times.Count(t => t <= p.Target),
                    ofPriority.Count(w => w.Claimed is null && w.Waiting && now - w.Created > p.Target));
            }).ToList();

        return new FunnelReport(from, now, journeys.Count, steps, stops, cases, claims);
    }

    /// <summary>From this step to the first later step the journey reached (sections already done are skipped on return).</summary>
    private static TimeSpan? TimeToNext(Dictionary<string, DateTimeOffset> reached, IReadOnlyList<string> order, int index)
    {
        if (!reached.TryGetValue(order[index], out var at))
        {
            return null;
        }

        for (var next = index + 1; next < order.Count; next++)
        {
            if (reached.TryGetValue(order[next], out var then) && then >= at)
            {
                return then - at;
            }
        }

        return null;
    }

    private static TimeSpan? Median(List<TimeSpan> values) => Percentile(values, 0.5);

    private static TimeSpan? Percentile(List<TimeSpan> values, double fraction)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var position = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    private static int IndexOf(IReadOnlyList<string> order, string step)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == step)
            {
                return i;
            }
        }

        return order.Count;
    }

    private static async Task ReadAsync(DbConnection connection, string sql, DateTimeOffset since, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@since", since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }

    internal static string Duration(TimeSpan? value) => value switch
    {
        null => "–",
        { TotalMinutes: < 1 } v => $"{Math.Round(v.TotalSeconds)} s",
        { TotalHours: < 1 } v => $"{Math.Round(v.TotalMinutes)} min",
        { TotalDays: < 2 } v => $"{Math.Round(v.TotalHours, 1).ToString(CultureInfo.InvariantCulture)} h",
        { } v => $"{Math.Round(v.TotalDays, 1).ToString(CultureInfo.InvariantCulture)} d",
    };
}
