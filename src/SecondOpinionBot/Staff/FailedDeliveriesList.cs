using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Staff;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The <c>failed deliveries</c> staff command: the dead letters of the queues bound to this channel, newest first.
/// Authorised on the server each time like the other staff commands: a team channel of the configured tenant, bound to
/// a queue; a queue admin sees every queue's from any channel of the tenant. Ids, kinds and reasons only.
/// </summary>
public sealed class FailedDeliveriesList(StaffAuthorizer authorizer, IQueueBindingStore bindings, IOutbox outbox, StaffText text, FailedDeliveryWords words)
{
    public const int Shown = 20;

    public async Task<string> ListAsync(IActivity activity, CancellationToken cancellationToken)
    {
        var (origin, refusal) = authorizer.CheckChannel(activity);
        if (origin is null)
        {
            return text.Of(refusal!);
        }

        var admin = authorizer.IsAdmin(activity);
        var queues = (await bindings.FindByChannelAsync(origin.TeamId, origin.ChannelId, cancellationToken)).Select(b => b.Queue).ToHashSet(StringComparer.Ordinal);
        if (queues.Count == 0 && !admin)
        {
            return text.Get(StaffMessageKeys.CommandsNotSetUp);
        }

        var letters = (await outbox.ListDeadLettersAsync(cancellationToken))
            .Where(letter => admin || (letter.Queue is { } queue && queues.Contains(queue)))
            .OrderByDescending(letter => letter.Id)
            .ToList();
        var scope = admin
            ? text.Get(StaffMessageKeys.FailedDeliveriesAllQueues)
            : string.Join(" & ", queues.Order(StringComparer.Ordinal).Select(q => text.QueueInSentence(q)));
        if (letters.Count == 0)
        {
            return text.Get(StaffMessageKeys.FailedDeliveriesNone, ("scope", scope));
        }

        var list = new StringBuilder(text.Get(StaffMessageKeys.FailedDeliveriesHeading, ("scope", scope), ("count", Number(letters.Count))));
        foreach (var (letter, index) in letters.Take(Shown).Select((l, i) => (l, i + 1)))
        {
            var when = letter.CreatedAt is { } at ? " · " + at.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";
            var attempts = letter.Attempts == 1 ? text.Get(StaffMessageKeys.FailedDeliveriesOneAttempt) : text.Get(StaffMessageKeys.FailedDeliveriesAttempts, ("count", Number(letter.Attempts)));
            var about = letter.Reference.StartsWith("queue:", StringComparison.Ordinal)
                ? text.Get(StaffMessageKeys.FailedDeliveriesChannel, ("queueName", text.Queue(letter.Queue ?? "")))
                : letter.Reference;
            list.Append("\n\n").Append(text.Get(StaffMessageKeys.FailedDeliveriesLine,
                ("index", Number(index)), ("about", about), ("what", words.What(letter.Kind)), ("why", words.Why(letter.Reason)), ("when", when), ("attempts", attempts)));
        }

        if (letters.Count > Shown)
        {
            list.Append("\n\n").Append(text.Get(StaffMessageKeys.FailedDeliveriesOlder, ("count", Number(letters.Count - Shown))));
        }

        return list.Append("\n\n").Append(text.Get(StaffMessageKeys.FailedDeliveriesFooter)).ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
