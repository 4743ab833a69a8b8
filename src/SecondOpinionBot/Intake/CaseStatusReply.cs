using Microsoft.Bot.Builder;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Intake;

/// <summary>The patient's "status": the case, who has it (first name only) and the next step, in the content's words.</summary>
public sealed class CaseStatusReply(ICaseStore cases, JourneyKit kit)
{
    public async Task<bool> HasOpenCaseAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        await LatestAsync(turn, cancellationToken) is { } record && CaseTransitions.IsOpen(record.Status);

    public async Task<string> DescribeAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (await LatestAsync(turn, cancellationToken) is not { } record)
        {
            return kit.Say(turn, MessageKeys.CommandsStatusNone);
        }

        var (status, next) = record.Status switch
        {
            CaseStatus.Claimed => (kit.Say(turn, MessageKeys.StatusClaimed, ("staffName", CardText.FirstName(record.AssigneeName))), MessageKeys.StatusNextClaimed),
            CaseStatus.Resolved or CaseStatus.Withdrawn => (kit.Say(turn, MessageKeys.StatusResolved), MessageKeys.StatusNextResolved),
            _ => (kit.Say(turn, MessageKeys.StatusWaiting), MessageKeys.StatusNextWaiting),
        };
        return kit.Say(turn, MessageKeys.CommandsStatus, ("reference", record.Reference), ("status", status), ("nextStep", kit.Say(turn, next)));
    }

    private Task<CaseRecord?> LatestAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        cases.FindLatestForOwnerAsync(PatientIdentity.From(turn.Activity).OwnerKey, cancellationToken);
}
