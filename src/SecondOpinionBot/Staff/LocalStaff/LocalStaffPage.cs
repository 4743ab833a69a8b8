using System.Globalization;
using System.Text.Encodings.Web;
using System.Text;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff.LocalStaff;

/// <summary>
/// The local staff page's HTML, in the words of staff.yaml (staff.localPage). Every value is HTML-encoded; patient
/// text is shown as typed. Which buttons show is only a convenience: every form is checked again on the server.
/// </summary>
public sealed class LocalStaffPage(StaffText text, ServiceLevels levels, TimeProvider clock)
{
    private static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    private string T(MessageKey key, params ReadOnlySpan<(string Name, string Value)> values) => E(text.Get(key, values));

    public async Task<string> ListAsync(IReadOnlyList<CaseRecord> cases, LocalStaffPersonas.Persona? persona, string token, string? notice, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{T(StaffMessageKeys.LocalPageListHeading)}</h1><p>{T(StaffMessageKeys.LocalPageListIntro)}</p>");
        AppendNotice(body, notice);
        body.Append(CultureInfo.InvariantCulture, $"<p>{T(StaffMessageKeys.LocalPageActingAs, ("name", persona?.Name ?? text.Get(StaffMessageKeys.LocalPageActingAsNobody)))}</p>");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" id=\"persona\" action=\"{LocalStaffEndpoints.Route}/persona\"><input type=\"hidden\" name=\"af\" value=\"{E(token)}\">{PersonaChoice(persona)}<button type=\"submit\">{T(StaffMessageKeys.LocalPageActAs)}</button></form>");
        if (cases.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p id=\"no-cases\">{T(StaffMessageKeys.LocalPageNoCases)}</p>");
            return Page(text.Get(StaffMessageKeys.LocalPageListTitle), body.ToString());
        }

        body.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th>{T(StaffMessageKeys.LocalPageColumnCase)}</th><th>{T(StaffMessageKeys.LocalPageColumnQueue)}</th><th>{T(StaffMessageKeys.LocalPageColumnPriority)}</th>");
        body.Append(CultureInfo.InvariantCulture, $"<th>{T(StaffMessageKeys.LocalPageColumnWaiting)}</th><th>{T(StaffMessageKeys.LocalPageColumnServiceLevel)}</th><th>{T(StaffMessageKeys.LocalPageColumnStatus)}</th><th>{T(StaffMessageKeys.LocalPageColumnActions)}</th></tr></thead><tbody>");
        foreach (var record in cases)
        {
            var overdue = await OverdueAsync(record, cancellationToken);
            var link = $"{LocalStaffEndpoints.Route}/cases/{E(record.Reference)}";
            body.Append(CultureInfo.InvariantCulture, $"<tr data-reference=\"{E(record.Reference)}\"{(overdue is null ? "" : " class=\"overdue\"")}><td><a href=\"{link}\">{E(record.Reference)}</a></td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{E(text.Queue(record.Queue))}</td><td>{Priority(record, strong: true)}</td><td class=\"waiting\">{E(text.Waited(now - record.CreatedAt))}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td class=\"service-level\">{(overdue is null ? T(StaffMessageKeys.LocalPageOnTime) : $"<strong>{E(overdue)}</strong>")}</td><td>{E(Status(record))}</td><td>");
            if (IsWaitingForClaim(record))
            {
                body.Append(Form(record, "claim", T(StaffMessageKeys.LocalPageClaim), token, persona));
            }

            body.Append(CultureInfo.InvariantCulture, $"<a href=\"{link}\">{T(StaffMessageKeys.LocalPageDetails)}</a></td></tr>");
        }

        body.Append("</tbody></table>");
        return Page(text.Get(StaffMessageKeys.LocalPageListTitle), body.ToString());
    }

    public async Task<string> DetailsAsync(CaseRecord record, IReadOnlyList<CaseMessage> messages, LocalStaffPersonas.Persona persona, string token, string? notice, CancellationToken cancellationToken)
    {
        var d = record.Details;
        var now = clock.GetUtcNow();
        var open = CaseTransitions.IsOpen(record.Status);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{LocalStaffEndpoints.Route}/\">{T(StaffMessageKeys.LocalPageAllCases)}</a></p><h1>{E(record.Reference)} · {E(text.Queue(record.Queue))}</h1>");
        AppendNotice(body, notice);
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"status\">{E(Status(record))} · {Priority(record, strong: false)} · {T(StaffMessageKeys.LocalPageActingAsShort, ("name", persona.Name))}</p>");
        if (open)
        {
            var overdue = await OverdueAsync(record, cancellationToken);
            body.Append(CultureInfo.InvariantCulture, $"<p id=\"service-level\"{(overdue is null ? "" : " class=\"overdue\"")}>{T(StaffMessageKeys.LocalPageWaitingFor, ("waiting", text.Waited(now - record.CreatedAt)))} · ");
            body.Append(overdue is null ? T(StaffMessageKeys.LocalPageOnTime) : $"<strong>{E(overdue)}</strong>").Append("</p>");
        }

        var erased = record.PatientConversation is null && d.Concern is null;
        AppendActions(body, record, persona, token, erased);
        if (erased)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{T(StaffMessageKeys.LocalPageErased)}</p>");
            return Page(record.Reference, body.ToString());
        }

        body.Append(CultureInfo.InvariantCulture, $"<p class=\"identity\">{T(record.OwnerKey.StartsWith("msteams:", StringComparison.Ordinal) ? StaffMessageKeys.LocalPageIdentifiedTeams : StaffMessageKeys.LocalPageIdentifiedNothing)}</p>");
        AppendCase(body, record);
        AppendNotes(body, record, messages, persona, token);
        AppendMessages(body, record, messages, persona, token);
        return Page(record.Reference, body.ToString());
    }

    /// <summary>The buttons that fit the case's state; the server checks each press again (role, state, version).</summary>
    private void AppendActions(StringBuilder body, CaseRecord record, LocalStaffPersonas.Persona persona, string token, bool erased)
    {
        var own = record.Status == CaseStatus.Claimed && record.AssigneeId == persona.Id;
        body.Append("<div class=\"actions\">");
        if (IsWaitingForClaim(record))
        {
            body.Append(Form(record, "claim", T(StaffMessageKeys.LocalPageClaim), token, persona));
        }
        else if (own)
        {
            var options = string.Concat(CaseOutcomes.All.Select(o => $"<option value=\"{E(o.Id)}\">{E(text.Get(o.StaffTitle))}</option>"));
            body.Append(Form(record, "resolve", T(StaffMessageKeys.LocalPageResolve), token, persona,
                $"<label>{T(StaffMessageKeys.LocalPageOutcome)} <select name=\"{LocalStaffActions.OutcomeField}\" required><option value=\"\">{T(StaffMessageKeys.LocalPageChoose)}</option>{options}</select></label> "));
        }
        else if (record.Status == CaseStatus.Claimed)
        {
            body.Append(Form(record, "takeover", T(StaffMessageKeys.LocalPageTakeOver), token, persona));
        }

        if (CaseTransitions.IsOpen(record.Status))
        {
            var colleagues = string.Concat(LocalStaffPersonas.All.Where(p => !(record.Status == CaseStatus.Claimed && p.Id == record.AssigneeId))
                .Select(p => $"<option value=\"{E(p.Id)}\">{E(p.Name)}</option>"));
            body.Append(Form(record, "assign", T(StaffMessageKeys.LocalPageAssign), token, persona,
                $"<label>{T(StaffMessageKeys.LocalPageAssignTo)} <select id=\"assignee\" name=\"{LocalStaffActions.AssigneeField}\" required><option value=\"\">{T(StaffMessageKeys.LocalPageChoose)}</option>{colleagues}</select></label> "));
            if (record.Status == CaseStatus.Claimed)
            {
                body.Append(Form(record, "unassign", T(StaffMessageKeys.LocalPageUnassign), token, persona));
            }

            var other = text.QueueInSentence(StaffCaseChanges.OtherQueue(record.Queue));
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"transfer\">{Form(record, "transfer", T(StaffMessageKeys.LocalPageTransfer, ("queueName", other)), token, persona,
                $"<label for=\"transfer-note\">{T(StaffMessageKeys.LocalPageTransferNote, ("queueName", other))}</label><br><textarea id=\"transfer-note\" name=\"{LocalStaffActions.NoteField}\" rows=\"3\" cols=\"60\" maxlength=\"{StaffCaseChanges.MaxNoteLength}\" required></textarea><br>")}</div>");
        }
        else if (record.Status == CaseStatus.Resolved && !erased)
        {
            body.Append(Form(record, "reopen", T(StaffMessageKeys.LocalPageReopen), token, persona));
        }

        body.Append("</div>");
    }

    private void AppendCase(StringBuilder body, CaseRecord record)
    {
        var d = record.Details;
        string? YesIf(bool value) => value ? text.Get(StaffMessageKeys.LocalPageFactYes) : null;
        Section(body, StaffMessageKeys.LocalPageSectionFlags,
            (text.Get(StaffMessageKeys.LocalPageFactPriority), text.Get(record.Priority == Handoff.CasePriority.Urgent ? StaffMessageKeys.LocalPageUrgent : StaffMessageKeys.LocalPageRoutine)),
            (text.Get(StaffMessageKeys.LocalPageFactNeedsCall), d.NeedsCall() ? text.Get(StaffMessageKeys.LocalPageFactNeedsCallYes, ("missing", string.Join(", ", d.NotKnown))) : null),
            (text.Get(StaffMessageKeys.CardFactsLanguage), PatientLanguageFlag.InterpreterMayBeNeeded(d, text.Culture)
                ? text.Get(StaffMessageKeys.CardFactsLanguageInterpreter, ("language", PatientLanguageFlag.Name(d.Language, text.Culture)))
                : d.Language is null ? null : PatientLanguageFlag.Name(d.Language, text.Culture)));
        Section(body, StaffMessageKeys.LocalPageSectionWho,
            (text.Get(StaffMessageKeys.LocalPageFactChatting), text.Get(d.Role == ChatRole.Caregiver ? StaffMessageKeys.LocalPageFactCaregiver : StaffMessageKeys.LocalPageFactPatient)),
            (text.Get(StaffMessageKeys.LocalPageFactFirstName), d.PatientFirstName),
            (text.Get(StaffMessageKeys.LocalPageFactRelationship), d.Relationship is { } relationship ? text.Choice(ChoiceSetIds.Relationship, relationship) : null),
            (text.Get(StaffMessageKeys.LocalPageFactAuthority), d.ProxyAuthority is { } authority ? CardText.Label(authority) : null),
            (text.Get(StaffMessageKeys.LocalPageFactAgrees), d.Role == ChatRole.Caregiver && d.PatientAgrees is { } agrees ? text.Get(agrees ? StaffMessageKeys.LocalPageFactYes : StaffMessageKeys.LocalPageFactNo) : null));
        Section(body, StaffMessageKeys.LocalPageSectionSituation,
            (text.Get(StaffMessageKeys.LocalPageFactWorry), d.Concern),
            (text.Get(StaffMessageKeys.LocalPageFactProposed), d.Proposed),
            (text.Get(StaffMessageKeys.LocalPageFactPlannedDate), d.PlannedDate?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
            (text.Get(StaffMessageKeys.LocalPageFactClinic), d.CurrentClinic),
            (text.Get(StaffMessageKeys.LocalPageFactChangingFast), YesIf(d.SymptomsChangingFast)),
            (text.Get(StaffMessageKeys.LocalPageFactEmergency), YesIf(d.EmergencySignalled)),
            (text.Get(StaffMessageKeys.LocalPageFactSituation), string.Join(", ", d.Situations.Select(CardText.Label))));
        Section(body, StaffMessageKeys.LocalPageSectionReasons, d.Reasons.Select(r => ("", (string?)CardText.Label(r))).ToArray());
        Section(body, StaffMessageKeys.LocalPageSectionQuestions, d.Questions.Select((q, i) => ($"{i + 1}.", (string?)q)).ToArray());
        Section(body, StaffMessageKeys.LocalPageSectionRecords, d.Records.Select(r => (CardText.Label(r.Key), (string?)text.Get(r.Value switch
        {
            RecordStatus.Have => StaffMessageKeys.LocalPageRecordHave,
            RecordStatus.NeedHelp => StaffMessageKeys.LocalPageRecordNeedHelp,
            _ => StaffMessageKeys.LocalPageRecordNotApplicable,
        }))).ToArray());
        Section(body, StaffMessageKeys.LocalPageSectionTeamQuestions, d.TeamQuestions.Select((q, i) => ($"{i + 1}.", (string?)q)).ToArray());
        Section(body, StaffMessageKeys.LocalPageSectionNeeds, d.Needs.Select(n => ("", (string?)CardText.Label(n))).Append((text.Get(StaffMessageKeys.LocalPageFactInTheirWords), d.NeedsNote)).ToArray());
        Section(body, StaffMessageKeys.LocalPageSectionReach,
            (text.Get(StaffMessageKeys.LocalPageFactPrefers), string.Join(", ", d.ContactMethods.Select(CardText.Label))),
            (text.Get(StaffMessageKeys.LocalPageFactPhone), d.Phone),
            (text.Get(StaffMessageKeys.LocalPageFactEmail), d.Email),
            (text.Get(StaffMessageKeys.LocalPageFactTimes), d.ContactTimes));
    }

    private void AppendNotes(StringBuilder body, CaseRecord record, IReadOnlyList<CaseMessage> messages, LocalStaffPersonas.Persona persona, string token)
    {
        body.Append(CultureInfo.InvariantCulture, $"<h2>{T(StaffMessageKeys.LocalPageNotesHeading)}</h2><ol id=\"notes\">");
        foreach (var m in messages.Where(m => m.Direction == MessageDirection.StaffNote))
        {
            body.Append(CultureInfo.InvariantCulture, $"<li class=\"note\">{E(At(m))} · {E(m.AuthorName)}: {E(m.Text)}</li>");
        }

        body.Append("</ol>");
        body.Append(Form(record, "note", T(StaffMessageKeys.LocalPageSaveNote), token, persona,
            $"<br><label for=\"note\">{T(StaffMessageKeys.LocalPageNoteLabel)}</label><br><textarea id=\"note\" name=\"{LocalStaffActions.NoteField}\" rows=\"3\" cols=\"60\" maxlength=\"{StaffCaseChanges.MaxNoteLength}\" required></textarea><br>"));
    }

    private void AppendMessages(StringBuilder body, CaseRecord record, IReadOnlyList<CaseMessage> messages, LocalStaffPersonas.Persona persona, string token)
    {
        body.Append(CultureInfo.InvariantCulture, $"<h2>{T(StaffMessageKeys.LocalPageMessagesHeading)}</h2><ol id=\"messages\">");
        foreach (var m in messages.Where(m => m.Direction != MessageDirection.StaffNote))
        {
            var fromPatient = m.Direction == MessageDirection.FromPatient;
            var who = fromPatient ? text.Get(StaffMessageKeys.LocalPageFromPatient) : text.Get(StaffMessageKeys.LocalPageToPatient, ("name", m.AuthorName));
            body.Append(CultureInfo.InvariantCulture, $"<li class=\"{(fromPatient ? "from-patient" : "to-patient")}\">{E(At(m))} · {E(who)}: {E(m.Text)}</li>");
        }

        body.Append("</ol>");
        if (record.Status == CaseStatus.Claimed && record.AssigneeId == persona.Id && record.PatientConversation is not null)
        {
            body.Append(Form(record, "message", T(StaffMessageKeys.LocalPageSend), token, persona,
                $"<br><label for=\"message\">{T(StaffMessageKeys.LocalPageMessageLabel)}</label><br><textarea id=\"message\" name=\"{LocalStaffActions.MessageField}\" rows=\"4\" cols=\"60\" maxlength=\"{StaffDialogs.MaxMessageLength}\" required></textarea><br>"));
        }
    }

    private static string At(CaseMessage m) => m.At.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture);

    private static bool IsWaitingForClaim(CaseRecord record) => record.Status is CaseStatus.New or CaseStatus.Transferred or CaseStatus.Reopened;

    /// <summary>"Overdue by 3 hours" on the queue's calendar, the words the Teams card shows; null when on time or closed.</summary>
    private async Task<string?> OverdueAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        if (!CaseTransitions.IsOpen(record.Status))
        {
            return null;
        }

        var level = await levels.ForAsync(record, clock.GetUtcNow(), cancellationToken);
        return level.IsOverdue ? levels.OverdueWords(level) : null;
    }

    private string Priority(CaseRecord record, bool strong) => record.Priority == Handoff.CasePriority.Urgent
        ? (strong ? $"<strong>{T(StaffMessageKeys.LocalPageUrgent)}</strong>" : T(StaffMessageKeys.LocalPageUrgent))
        : T(StaffMessageKeys.LocalPageRoutine);

    private string Status(CaseRecord record) => record.Status switch
    {
        CaseStatus.Claimed => text.Get(StaffMessageKeys.LocalPageStatusClaimed, ("name", CardText.FirstName(record.AssigneeName))),
        CaseStatus.Resolved => text.Get(StaffMessageKeys.LocalPageStatusResolved, ("name", CardText.FirstName(record.ResolvedByName ?? record.AssigneeName))),
        CaseStatus.Withdrawn => text.Get(StaffMessageKeys.LocalPageStatusWithdrawn),
        CaseStatus.Transferred => text.Get(StaffMessageKeys.LocalPageStatusTransferred),
        CaseStatus.Reopened => text.Get(StaffMessageKeys.LocalPageStatusReopened),
        _ => text.Get(StaffMessageKeys.LocalPageStatusNew),
    };

    /// <param name="fields">Already-encoded inputs shown before the button.</param>
    private string Form(CaseRecord record, string action, string encodedLabel, string token, LocalStaffPersonas.Persona? persona, string fields = "") =>
        $"<form method=\"post\" class=\"{action}\" action=\"{LocalStaffEndpoints.Route}/cases/{E(record.Reference)}/{action}\">{Hidden(record, token, persona)}{fields}<button type=\"submit\">{encodedLabel}</button></form>";

    /// <summary>The anti-forgery token, the case version (a stale page changes nothing) and who is acting.</summary>
    private string Hidden(CaseRecord record, string token, LocalStaffPersonas.Persona? persona)
    {
        return $"<input type=\"hidden\" name=\"af\" value=\"{E(token)}\"><input type=\"hidden\" name=\"{LocalStaffActions.VersionField}\" value=\"{record.Version}\">{PersonaChoice(persona)}";
    }

    private string PersonaChoice(LocalStaffPersonas.Persona? persona)
    {
        var options = string.Concat(LocalStaffPersonas.All.Select(p =>
            $"<option value=\"{E(p.Id)}\"{(p.Id == persona?.Id ? " selected" : "")}>{E(p.Name)}</option>"));
        return $"<label>{T(StaffMessageKeys.LocalPageAs)} <select name=\"persona\" required>{(persona is null ? $"<option value=\"\">{T(StaffMessageKeys.LocalPageChoose)}</option>" : "")}{options}</select></label> ";
    }

    /// <summary>
    /// A heading, then the untitled facts as a list and the titled ones as a definition list (a &lt;dl&gt; holds only
    /// dt/dd pairs, so screen readers announce each value with its name).
    /// </summary>
    private void Section(StringBuilder body, MessageKey title, params (string Title, string? Value)[] facts)
    {
        body.Append(CultureInfo.InvariantCulture, $"<h2>{T(title)}</h2>");
        var shown = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();
        if (shown.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{T(StaffMessageKeys.LocalPageNoneGiven)}</p>");
            return;
        }

        var items = shown.Where(f => f.Title.Length == 0).ToList();
        if (items.Count > 0)
        {
            body.Append("<ul>");
            foreach (var (_, value) in items)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li>{E(value)}</li>");
            }

            body.Append("</ul>");
        }

        var named = shown.Where(f => f.Title.Length > 0).ToList();
        if (named.Count > 0)
        {
            body.Append("<dl>");
            foreach (var (factTitle, value) in named)
            {
                body.Append(CultureInfo.InvariantCulture, $"<dt>{E(factTitle)}</dt><dd>{E(value)}</dd>");
            }

            body.Append("</dl>");
        }
    }

    private static void AppendNotice(StringBuilder body, string? notice)
    {
        if (notice is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p role=\"status\" id=\"notice\">{E(notice)}</p>");
        }
    }

    private string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{T(StaffMessageKeys.LocalPagePageTitle, ("title", title))}}</title>
        <style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}form{display:inline-block;margin:.2rem}.transfer form,form.note,form.message{display:block}dt{font-weight:600}#notice{background:#fff4ce;padding:.5rem}.overdue strong{color:#a4262c}</style>
        </head><body><main>{{body}}</main></body></html>
        """;
}
