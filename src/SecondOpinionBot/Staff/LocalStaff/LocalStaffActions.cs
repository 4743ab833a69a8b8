using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Staff.LocalStaff;

/// <summary>
/// What a form on the local staff page does: the persona's role is checked in <see cref="StaffRoles"/> (the table the
/// Teams path asks), then the same case services run as for a card action, dialog or channel command (claim, resolve
/// and take over through <see cref="StaffCaseActions"/>; assign, unassign, transfer, reopen and notes through
/// <see cref="StaffCaseChanges"/>; messages through <see cref="StaffCaseWork"/>). Those services hold the rules
/// (who resolves, what an open case is, the note limit, one effect per repeat); this class only maps forms to them.
/// </summary>
public sealed class LocalStaffActions(StaffCaseActions actions, StaffCaseChanges changes, StaffCaseWork work, ICaseStore cases, StaffText text)
{
    /// <summary>Form field names, shared with the page.</summary>
    public const string VersionField = "version";
    public const string OutcomeField = "outcome";
    public const string AssigneeField = "assignee";
    public const string NoteField = "note";
    public const string MessageField = "message";

    public static StaffAbility? AbilityOf(string action) => action switch
    {
        "claim" => StaffAbility.Claim,
        "resolve" => StaffAbility.ResolveOwnCase,
        "takeover" => StaffAbility.TakeOver,
        "message" => StaffAbility.MessagePatientOnOwnCase,
        "assign" => StaffAbility.Assign,
        "unassign" => StaffAbility.UnassignOwnCase,
        "transfer" => StaffAbility.Transfer,
        "reopen" => StaffAbility.Reopen,
        "note" => StaffAbility.AddNote,
        _ => null,
    };

    /// <summary>What the person reads after the form; null when <paramref name="action"/> is no action of the page.</summary>
    public async Task<string?> ActAsync(LocalStaffPersonas.Persona persona, CaseRecord record, string action, IFormCollection form, CancellationToken cancellationToken)
    {
        if (AbilityOf(action) is not { } ability)
        {
            return null;
        }

        if (!StaffRoles.Allows(persona.Role, ability))
        {
            await cases.AppendAuditAsync(record.Reference, persona.Id, "staff-action-refused", $"not-allowed; local={action}", cancellationToken);
            return text.Get(StaffMessageKeys.LocalPageNotAllowed, ("name", persona.FirstName));
        }

        var origin = new StaffOrigin("local", "local-team", "local-staff-page", "", persona.Id, persona.FirstName);
        var by = new CaseActor(persona.Id, persona.FirstName);
        var version = int.TryParse(form[VersionField], out var v) ? v : -1;
        switch (action)
        {
            case "claim" or "resolve" or "takeover":
                var verb = action switch { "claim" => CaseActionPayload.ClaimVerb, "resolve" => CaseActionPayload.ResolveVerb, _ => CaseActionPayload.TakeOverVerb };
                var outcome = form[OutcomeField].ToString();
                var result = await actions.ActAsync(origin, record, new CaseActionPayload(verb, record.Reference, version, outcome.Length == 0 ? null : outcome), cancellationToken);
                return result.Note ?? text.Get(result.Changed ? StaffMessageKeys.LocalPageDone : StaffMessageKeys.LocalPageNothingChanged);
            case "message":
                if (record.Status != CaseStatus.Claimed || record.AssigneeId != persona.Id)
                {
                    return text.Of(StaffRefusal.MessageNotAssignee);
                }

                var sent = await work.SendToPatientAsync(record, by, form[MessageField], cancellationToken);
                return sent.Problem ?? sent.Note!;
            case "note":
                return (await changes.AddNoteAsync(record, by, form[NoteField], cancellationToken)).Note;
        }

        // Changes of who has the case or where it is: a page shown before someone else acted changes nothing (as an
        // outdated card in Teams), and a second press of the same button is such a page.
        if (version != record.Version)
        {
            return text.Get(StaffMessageKeys.LocalPageOutOfDate);
        }

        switch (action)
        {
            case "assign":
                if (LocalStaffPersonas.Find(form[AssigneeField]) is not { } to)
                {
                    return text.Get(StaffMessageKeys.LocalPageNotAPerson);
                }

                return (await changes.AssignAsync(record, by, new CaseActor(to.Id, to.FirstName), cancellationToken)).Note;
            case "unassign":
                return (await changes.UnassignAsync(record, by, StaffRoles.Allows(persona.Role, StaffAbility.UnassignAnyCase), cancellationToken)).Note;
            case "transfer":
                return (await changes.TransferAsync(record, by, null, form[NoteField], cancellationToken, allowUnboundTarget: true)).Note;
            default:
                return (await changes.ReopenAsync(record, by, cancellationToken)).Note;
        }
    }
}
