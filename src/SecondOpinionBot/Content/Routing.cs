namespace SecondOpinionBot.Content;

/// <summary>A staff queue a case can go to; <see cref="PatientName"/> is how the patient hears it ("a social worker").</summary>
public sealed record QueueDefinition(string Id, string PatientName, SourceLocation Location);

/// <summary>Answers that route a case, besides the need categories.</summary>
public enum RoutingSignal
{
    /// <summary>At least one record marked "need help getting it".</summary>
    RecordsNeedHelp,
}

/// <summary>Any matching need or signal sends the case toward <see cref="Queue"/>.</summary>
public sealed record RoutingRule(
    string Queue,
    IReadOnlyList<string> Needs,
    IReadOnlyList<RoutingSignal> Signals,
    SourceLocation Location);

/// <summary>When a case is urgent: a planned date within <see cref="UrgentWithinDays"/> days, or the emergency path fired.</summary>
public sealed record PriorityRules(int UrgentWithinDays, bool UrgentAfterEmergency, bool UrgentWhenSymptomsChangeFast);

public enum CasePriority
{
    Normal,
    Urgent,
}

/// <param name="PlannedDate">The date set for the proposed test/treatment, if any.</param>
/// <param name="Today">The user's own calendar date (not the server's).</param>
public sealed record RoutingInput(
    IReadOnlyCollection<string> NeedIds,
    IReadOnlyCollection<RoutingSignal> Signals,
    DateOnly? PlannedDate,
    DateOnly Today,
    bool EmergencyFired,
    bool SymptomsChangingFast);

/// <param name="AlsoRelevant">Other queues whose rules matched; shown as a note on the case.</param>
/// <param name="Matched">Which needs/signals matched, per queue, for the visible note.</param>
public sealed record RoutingDecision(
    QueueDefinition Primary,
    IReadOnlyList<QueueDefinition> AlsoRelevant,
    CasePriority Priority,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Matched);

/// <summary>Routing as data (routing.yaml): which needs and answers send a case to which queue, and when it is urgent.</summary>
public sealed record RoutingTable(
    IReadOnlyList<QueueDefinition> Queues,
    string DefaultQueue,
    IReadOnlyList<RoutingRule> Rules,
    PriorityRules Priority)
{
    public QueueDefinition Queue(string id) =>
        Queues.FirstOrDefault(q => q.Id == id) ?? throw new KeyNotFoundException($"Unknown queue '{id}'.");

    /// <summary>
    /// The queue with the most matches is primary; a tie goes to the queue listed first in routing.yaml;
    /// no match goes to the default queue.
    /// </summary>
    public RoutingDecision Route(RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var matched = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            var hits = rule.Needs.Where(input.NeedIds.Contains)
                .Concat(rule.Signals.Where(input.Signals.Contains).Select(SignalName));
            foreach (var hit in hits)
            {
                if (!matched.TryGetValue(rule.Queue, out var list))
                {
                    matched[rule.Queue] = list = [];
                }

                if (!list.Contains(hit))
                {
                    list.Add(hit);
                }
            }
        }

        var ranked = Queues
            .Select((queue, order) => (queue, order, count: matched.TryGetValue(queue.Id, out var m) ? m.Count : 0))
            .Where(x => x.count > 0)
            .OrderByDescending(x => x.count)
            .ThenBy(x => x.order)
            .Select(x => x.queue)
            .ToList();

        var primary = ranked.Count > 0 ? ranked[0] : Queue(DefaultQueue);
        return new RoutingDecision(
            primary,
            ranked.Skip(1).ToList(),
            PriorityFor(input),
            matched.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal));
    }

    /// <summary>True when the planned date is close enough to make the case urgent (and set the date-soon situation).</summary>
    public bool IsDateSoon(DateOnly plannedDate, DateOnly today) =>
        plannedDate.DayNumber - today.DayNumber <= Priority.UrgentWithinDays;

    public CasePriority PriorityFor(RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dateSoon = input.PlannedDate is { } date && IsDateSoon(date, input.Today);
        var urgent = dateSoon
            || (Priority.UrgentAfterEmergency && input.EmergencyFired)
            || (Priority.UrgentWhenSymptomsChangeFast && input.SymptomsChangingFast);
        return urgent ? CasePriority.Urgent : CasePriority.Normal;
    }

    public static string SignalName(RoutingSignal signal) => signal switch
    {
        RoutingSignal.RecordsNeedHelp => "records-need-help",
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    public static RoutingSignal? ParseSignal(string name) =>
        Enum.GetValues<RoutingSignal>().Cast<RoutingSignal?>().FirstOrDefault(s => SignalName(s!.Value) == name);
}
