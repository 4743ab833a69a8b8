using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Dialogs.Cards;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Messages;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The Teams dialogs opened from a case card (task/fetch) and the actions inside them (task/submit): Details and
/// "Message patient". Every request is checked on the server: the case's bound channel, a fresh roster check that the
/// person is in that team, and the role table. Each Details view is audited. The answer is the dialog's card, or one
/// line when something is refused; health information travels only in that answer, to the person who asked.
/// </summary>
public sealed partial class StaffDialogs(
    ICaseStore cases, ICaseMessageStore messages, StaffAuthorizer authorizer, StaffRoster roster, StaffCaseWork work,
    StaffCaseChanges changes, IOptions<HandoffOptions> options, StaffText text, ILogger<StaffDialogs> logger)
{
    public const int MaxMessageLength = 1000;

    public async Task<InvokeResponse> HandleAsync(ITurnContext<IInvokeActivity> turn, CancellationToken cancellationToken)
    {
        var data = (turn.Activity.Value as Newtonsoft.Json.Linq.JObject)?["data"]; // the SDK hands invoke values over as Newtonsoft
        var payload = CaseActionPayload.TryRead(data);
        if (payload is null || !CaseActionPayload.IsDialogVerb(payload.Verb))
        {
            if (CaseActionPayload.IsTagged(data))
            {
                await AuditRefusalAsync(turn.Activity, payload ?? CaseActionPayload.Unreadable(data), StaffRefusal.Unreadable, cancellationToken);
            }

            return Message(text.Of(Commands.ConversationScope.IsPatientConversation(turn.Activity) ? StaffRefusal.PatientConversation : StaffRefusal.MalformedAction));
        }

        var (access, refusal) = await CheckAccessAsync(turn, payload, cancellationToken);
        if (access is null)
        {
            await AuditRefusalAsync(turn.Activity, payload, refusal!, cancellationToken);
            return Message(text.Of(refusal!));
        }

        return payload.Verb switch
        {
            CaseActionPayload.DetailsVerb => await DetailsAsync(access, cancellationToken),
            CaseActionPayload.MessageVerb => MessageForm(access),
            CaseActionPayload.NoteVerb => Dialog(text.Get(Content.StaffMessageKeys.FormsNoteTitle, ("reference", access.Case.Reference)), StaffNoteCard.AddNote(access.Case, null, text)),
            CaseActionPayload.TransferVerb => TransferForm(access, null),
            CaseActionPayload.NoteSendVerb => await NoteAsync(access, payload.Note, cancellationToken),
            CaseActionPayload.TransferSendVerb => await TransferAsync(access, payload.Note, cancellationToken),
            _ => await SendAsync(access, payload.Message, cancellationToken),
        };
    }

    /// <summary>Case, channel, roster and role, in that order; the first that fails is the answer.</summary>
    private async Task<(StaffAccess? Access, StaffRefusal? Refusal)> CheckAccessAsync(ITurnContext turn, CaseActionPayload payload, CancellationToken cancellationToken)
    {
        var record = await cases.FindAsync(payload.Reference, cancellationToken);
        if (record is null)
        {
            return (null, Commands.ConversationScope.IsPatientConversation(turn.Activity) ? StaffRefusal.PatientConversation : StaffRefusal.UnknownCase);
        }

        var (origin, refusal) = await authorizer.CheckQueueAsync(turn.Activity, record.Queue, cancellationToken);
        if (origin is null)
        {
            // Another queue's case is not confirmed to exist.
            return (null, refusal == StaffRefusal.NotBoundChannel ? StaffRefusal.UnknownCase : refusal);
        }

        switch (await roster.CheckAsync(turn, origin.TeamId, fresh: true, cancellationToken))
        {
            case RosterAnswer.NotMember:
                return (null, StaffRefusal.NotTeamMember);
            case RosterAnswer.Unavailable:
                return (null, StaffRefusal.RosterUnavailable);
        }

        var role = authorizer.RoleOf(turn.Activity);
        var own = record.Status == CaseStatus.Claimed && record.AssigneeId == origin.UserId;
        var details = own ? StaffAbility.ViewDetailsOfOwnCase : StaffAbility.ViewDetailsOfAnyCase;
        if (!StaffRoles.Allows(role, details, options.Value.DetailsAssigneeOnly))
        {
            return (null, StaffRefusal.DetailsAssigneeOnly);
        }

        var ability = payload.Verb switch
        {
            CaseActionPayload.NoteVerb or CaseActionPayload.NoteSendVerb => StaffAbility.AddNote,
            CaseActionPayload.TransferVerb or CaseActionPayload.TransferSendVerb => StaffAbility.Transfer,
            _ => (StaffAbility?)null,
        };
        if (ability is { } needed)
        {
            return StaffRoles.Allows(role, needed) ? (new StaffAccess(record, origin, role, own), null) : (null, StaffRefusal.NotTeamMember);
        }

        if (payload.Verb != CaseActionPayload.DetailsVerb)
        {
            if (record.PatientConversation is null)
            {
                return (null, StaffRefusal.PatientDataDeleted);
            }

            if (!own || !StaffRoles.Allows(role, StaffAbility.MessagePatientOnOwnCase))
            {
                return (null, StaffRefusal.MessageNotAssignee);
            }
        }

        return (new StaffAccess(record, origin, role, own), null);
    }

    private async Task<InvokeResponse> DetailsAsync(StaffAccess access, CancellationToken cancellationToken)
    {
        var record = access.Case;
        var history = await messages.ListAsync(record.Id, cancellationToken);
        await cases.AppendAuditAsync(record.Reference, access.Origin.UserId, "details-viewed", "via=teams-dialog", cancellationToken);
        LogDetailsViewed(record.Reference);
        var card = new CaseDetailsCard(record, history, access.OwnsCase && record.PatientConversation is not null, text).Build();
        return Dialog(text.Get(Content.StaffMessageKeys.FormsDetailsTitle, ("reference", record.Reference)), card);
    }

    private InvokeResponse MessageForm(StaffAccess access, string? problem = null) =>
        Dialog(text.Get(Content.StaffMessageKeys.FormsMessageTitle, ("reference", access.Case.Reference)), MessagePatientCard.Build(access.Case, problem, text));

    private async Task<InvokeResponse> SendAsync(StaffAccess access, string? message, CancellationToken cancellationToken)
    {
        var result = await work.SendToPatientAsync(access.Case, new CaseActor(access.Origin.UserId, access.Origin.DisplayName, access.Origin.TeamsUserId), message, cancellationToken);
        return result.Problem is { } problem
            ? MessageForm(access, problem)
            : Message(result.Note!);
    }

    private InvokeResponse TransferForm(StaffAccess access, string? problem) =>
        CaseTransitions.IsOpen(access.Case.Status)
            ? Dialog(text.Get(Content.StaffMessageKeys.FormsTransferTitle, ("reference", access.Case.Reference), ("queueName", text.QueueInSentence(StaffCaseChanges.OtherQueue(access.Case.Queue)))),
                StaffNoteCard.Transfer(access.Case, problem, text))
            : Message(text.Get(Content.StaffMessageKeys.WorkClosed));

    private CaseActor Actor(StaffAccess access) => new(access.Origin.UserId, text.Actor(access.Origin.DisplayName), access.Origin.TeamsUserId);

    private async Task<InvokeResponse> NoteAsync(StaffAccess access, string? note, CancellationToken cancellationToken)
    {
        var result = await changes.AddNoteAsync(access.Case, Actor(access), note, cancellationToken);
        var saved = result.Changed || result.Note == text.Get(Content.StaffMessageKeys.WorkNoteSaved);
        return saved
            ? Message(result.Note)
            : Dialog(text.Get(Content.StaffMessageKeys.FormsNoteTitle, ("reference", access.Case.Reference)), StaffNoteCard.AddNote(access.Case, result.Note, text));
    }

    private async Task<InvokeResponse> TransferAsync(StaffAccess access, string? note, CancellationToken cancellationToken)
    {
        var result = await changes.TransferAsync(access.Case, Actor(access), null, note, cancellationToken);
        return result.Changed || string.IsNullOrWhiteSpace(note) is false && note!.Trim().Length <= StaffCaseChanges.MaxNoteLength
            ? Message(result.Note)
            : TransferForm(access, result.Note);
    }

    private async Task AuditRefusalAsync(IActivity activity, CaseActionPayload payload, StaffRefusal refusal, CancellationToken cancellationToken)
    {
        LogRefused(refusal.Code, payload.Verb);
        var actor = $"{activity.ChannelId}:{activity.From?.AadObjectId ?? activity.From?.Id}";
        var reference = payload.Reference.Length <= 16 ? payload.Reference : payload.Reference[..16];
        await cases.AppendAuditAsync(reference, actor, "staff-action-refused", $"{refusal.Code}; verb={payload.Verb}", cancellationToken);
    }

    private static InvokeResponse Dialog(string title, JsonObject card) => new()
    {
        Status = 200,
        Body = new TaskModuleResponse
        {
            Task = new TaskModuleContinueResponse
            {
                Value = new TaskModuleTaskInfo
                {
                    Title = title,
                    Height = "large",
                    Width = "medium",
                    Card = AdaptiveCard.ToAttachment(card),
                },
            },
        },
    };

    private static InvokeResponse Message(string text) => new()
    {
        Status = 200,
        Body = new TaskModuleResponse { Task = new TaskModuleMessageResponse { Value = text } },
    };

    private sealed record StaffAccess(CaseRecord Case, StaffOrigin Origin, StaffRole Role, bool OwnsCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Reference} details viewed (audited).")]
    private partial void LogDetailsViewed(string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a staff dialog ({Code}, {Verb}).")]
    private partial void LogRefused(string code, string verb);
}
