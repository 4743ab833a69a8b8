using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Commands;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.Intake;

/// <summary>
/// After the handoff, what the patient writes belongs to their case, not to a new intake: it is stored with the case
/// and the team is told (never the text), and the patient hears when the team reads messages (on the case queue's
/// calendar: its hours, days and holidays) and, every time, what
/// to do in an emergency. Staff messages their chat never received (an expired web chat) are shown on their return.
/// </summary>
public sealed class OpenCaseRouter(
    ICaseStore cases, ICaseMessageStore messages, PatientCaseEvents events, PatientMessages staffWords, ContactWhen contactWhen,
    JourneyKit kit, IOptions<EmergencyOptions> emergency)
{
    public async Task<CaseRecord?> LatestCaseAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        await cases.FindLatestForOwnerAsync(PatientIdentity.From(turn.Activity).OwnerKey, cancellationToken);

    /// <summary>True when this turn's text was a message for the open case (answered here); false for commands and empty turns.</summary>
    public async Task<bool> TryRouteAsync(ITurnContext turn, CaseRecord record, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text) || turn.Activity.Value is not null || CommandRouter.Route(text, CommandScope.Personal) is not null)
        {
            return false;
        }

        await events.MessageAsync(record, text, cancellationToken);
        await turn.SendActivityAsync(kit.Say(turn, MessageKeys.HandoffMessageReceived,
            ("reference", record.Reference),
            ("teamReads", contactWhen.TeamReads(record, kit.Content(turn))),
            ("emergencyNumber", emergency.Value.Number),
            ("crisisLine", emergency.Value.CrisisLine)), cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Shows, in this turn, the staff messages the patient's chat never received, and marks them delivered.</summary>
    public async Task ShowUndeliveredAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var owner = PatientIdentity.From(turn.Activity).OwnerKey;
        foreach (var message in await messages.ListUndeliveredToOwnerAsync(owner, cancellationToken))
        {
            var record = await cases.FindLatestForOwnerAsync(owner, cancellationToken);
            if (record is null)
            {
                return;
            }

            // A person's words: their own message, not a paragraph of the bot's reply.
            await turn.SendActivityAsync(Dialogs.StandAloneMessages.Text(staffWords.FromStaff(record, message.AuthorName, message.Text, kit.Content(turn).Culture)), cancellationToken);
            await messages.MarkDeliveredAsync(message.Id, cancellationToken);
        }
    }
}
