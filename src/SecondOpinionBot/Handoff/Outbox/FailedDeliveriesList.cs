using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Content;
using SecondOpinionBot.Staff;

namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>
/// The <c>failed deliveries</c> staff command: the dead letters of the queues bound to this channel, newest first.
/// Authorised on the server each time like the other staff commands: a team channel of the configured tenant, bound to
/// a queue; a queue admin sees every queue's from any channel of the tenant. Ids, kinds and reasons only.
/// </summary>
public sealed class FailedDeliveriesList(StaffAuthorizer authorizer, IQueueBindingStore bindings, IOutbox outbox, StaffText text)
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
        var scope = admin ? "all queues" : string.Join(" and ", queues.Order(StringComparer.Ordinal).Select(q => QueueNames.Title(q).ToLowerInvariant()));
        if (letters.Count == 0)
        {
            return $"No failed deliveries for {scope}: everything was delivered.";
        }

        var list = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Failed deliveries for {scope}: {letters.Count}.");
        foreach (var (letter, index) in letters.Take(Shown).Select((l, i) => (l, i + 1)))
        {
            var when = letter.CreatedAt is { } at ? " · " + at.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";
            var attempts = letter.Attempts == 1 ? "1 attempt" : $"{letter.Attempts} attempts";
            var about = letter.Reference.StartsWith("queue:", StringComparison.Ordinal) ? QueueNames.Title(letter.Queue ?? "") + " channel" : letter.Reference;
            list.Append(CultureInfo.InvariantCulture, $"\n\n{index}. {about} · {FailedDeliveryWords.What(letter.Kind)} · {FailedDeliveryWords.Why(letter.Reason)}{when} · {attempts}");
        }

        if (letters.Count > Shown)
        {
            list.Append(CultureInfo.InvariantCulture, $"\n\n… and {letters.Count - Shown} older ones.");
        }

        return list.Append("\n\nType \"case SO-XXXX\" to see a case's card here.").ToString();
    }
}
