using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Commands;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

public enum QueueFilter
{
    All,
    Unassigned,
    Mine,
    Overdue,
}

/// <summary>
/// Lists of cases in words, without health information: "queue" (with unassigned, mine or overdue) for the channel's
/// queues, and "my cases" in a staff member's personal chat (every open case they have, across queues).
/// </summary>
public sealed class StaffQueueViews(StaffAuthorizer authorizer, IQueueBindingStore bindings, ICaseStore cases, ServiceLevels levels, StaffText text, TimeProvider clock)
{
    /// <summary>"queue unassigned", "queue mine", "queue overdue"; null for anything else (plain "queue" goes through the router).</summary>
    public static QueueFilter? ParseFilter(string? typed) =>
        CommandRouter.Normalize(typed) switch
        {
            "queue unassigned" or "queue unclaimed" => QueueFilter.Unassigned,
            "queue mine" or "queue my cases" => QueueFilter.Mine,
            "queue overdue" => QueueFilter.Overdue,
            _ => null,
        };

    /// <summary>"my cases" typed in a personal chat.</summary>
    public static bool IsMyCases(string? typed) => CommandRouter.Normalize(typed) is "my cases" or "queue mine";

    public async Task<string> ListAsync(IMessageActivity activity, QueueFilter filter, CancellationToken cancellationToken)
    {
        var (origin, refusal) = authorizer.CheckChannel(activity);
        if (origin is null)
        {
            return text.Of(refusal!);
        }

        var bound = await bindings.FindByChannelAsync(origin.TeamId, origin.ChannelId, cancellationToken);
        if (bound.Count == 0)
        {
            return text.Get(StaffMessageKeys.CommandsNotSetUp);
        }

        var now = clock.GetUtcNow();
        var list = new StringBuilder();
        foreach (var binding in bound)
        {
            var open = new List<(CaseRecord Case, ServiceLevel Level)>();
            foreach (var record in await cases.ListOpenAsync(binding.Queue, cancellationToken))
            {
                var level = await levels.ForAsync(record, now, cancellationToken);
                var keep = filter switch
                {
                    QueueFilter.Unassigned => record.Status != CaseStatus.Claimed,
                    QueueFilter.Mine => record.Status == CaseStatus.Claimed && record.AssigneeId == origin.UserId,
                    QueueFilter.Overdue => level.IsOverdue,
                    _ => true,
                };
                if (keep)
                {
                    open.Add((record, level));
                }
            }

            list.Append(open.Count == 1
                ? text.Get(StaffMessageKeys.CommandsListHeadingOne, ("queueName", text.Queue(binding.Queue)))
                : text.Get(StaffMessageKeys.CommandsListHeadingMany, ("queueName", text.Queue(binding.Queue)), ("count", open.Count.ToString(CultureInfo.InvariantCulture))));
            foreach (var ((record, level), index) in open.Select((r, i) => (r, i + 1)))
            {
                list.Append("\n\n").Append(text.Get(StaffMessageKeys.CommandsListLine,
                    ("index", index.ToString(CultureInfo.InvariantCulture)),
                    ("reference", record.Reference),
                    ("priority", Priority(record)),
                    ("waiting", text.Waited(now - record.CreatedAt)),
                    ("state", State(record) + (level.IsOverdue ? " · " + levels.OverdueWords(level) : ""))));
            }

            list.Append("\n\n");
        }

        return list.ToString().TrimEnd() + "\n\n" + text.Get(StaffMessageKeys.CommandsListFooter);
    }

    /// <summary>Every open case the person has, across queues; names only the reference, queue, priority and waiting time.</summary>
    public async Task<string> MyCasesAsync(string assigneeId, CancellationToken cancellationToken)
    {
        var mine = await cases.ListOpenAssignedToAsync(assigneeId, cancellationToken);
        if (mine.Count == 0)
        {
            return text.Get(StaffMessageKeys.WorkMyCasesNone);
        }

        var now = clock.GetUtcNow();
        var list = new StringBuilder(text.Get(StaffMessageKeys.WorkMyCasesHeading, ("count", mine.Count.ToString(CultureInfo.InvariantCulture))));
        foreach (var record in mine)
        {
            var level = await levels.ForAsync(record, now, cancellationToken);
            list.Append("\n\n").Append(text.Get(StaffMessageKeys.WorkMyCasesLine,
                ("reference", record.Reference),
                ("queueName", text.Queue(record.Queue)),
                ("priority", Priority(record)),
                ("waiting", text.Waited(now - record.CreatedAt))));
            if (level.IsOverdue)
            {
                list.Append(" · ").Append(levels.OverdueWords(level));
            }
        }

        return list.ToString();
    }

    private string Priority(CaseRecord record) =>
        text.Get(record.Priority == Handoff.CasePriority.Urgent ? StaffMessageKeys.WordsUrgent : StaffMessageKeys.WordsRoutine);

    private string State(CaseRecord record) => record.Status switch
    {
        CaseStatus.Claimed => text.Get(StaffMessageKeys.WordsClaimedBy, ("name", CardText.FirstName(record.AssigneeName))),
        CaseStatus.Transferred => text.Get(StaffMessageKeys.WordsTransferred),
        CaseStatus.Reopened => text.Get(StaffMessageKeys.WordsReopened),
        _ => text.Get(StaffMessageKeys.WordsNew),
    };
}
