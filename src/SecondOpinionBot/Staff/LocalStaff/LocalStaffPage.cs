using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Intake;

namespace SecondOpinionBot.Staff.LocalStaff;

/// <summary>The local staff page's HTML. Every value is HTML-encoded; patient text is shown as typed.</summary>
public static class LocalStaffPage
{
    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string List(IReadOnlyList<CaseRecord> cases, LocalStaffPersonas.Persona? persona, string token, DateTimeOffset now, string? notice)
    {
        var body = new StringBuilder();
        body.Append("<h1>Care team: open cases</h1>");
        body.Append("<p>Local mode only. This page works the cases the web chat sends, the way the Teams channel does.</p>");
        AppendNotice(body, notice);
        body.Append(CultureInfo.InvariantCulture, $"<p>Acting as: <strong>{E(persona?.Name ?? "nobody yet — choose below")}</strong></p>");
        if (cases.Count == 0)
        {
            body.Append("<p id=\"no-cases\">No open cases.</p>");
        }
        else
        {
            body.Append("<table><thead><tr><th>Case</th><th>Queue</th><th>Priority</th><th>Waiting</th><th>Status</th><th>Actions</th></tr></thead><tbody>");
            foreach (var record in cases)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr data-reference=\"{E(record.Reference)}\"><td><a href=\"{LocalStaffEndpoints.Route}/cases/{E(record.Reference)}\">{E(record.Reference)}</a></td>");
                body.Append(CultureInfo.InvariantCulture, $"<td>{E(QueueNames.Title(record.Queue))}</td><td>{(record.Priority == CasePriority.Urgent ? "<strong>Urgent</strong>" : "Routine")}</td>");
                body.Append(CultureInfo.InvariantCulture, $"<td>{E(CardText.Waiting(now - record.CreatedAt))}</td><td>{E(Status(record))}</td><td>");
                if (record.Status is CaseStatus.New or CaseStatus.Transferred or CaseStatus.Reopened)
                {
                    body.Append(Form(record, "claim", "Claim", token, persona));
                }

                body.Append(CultureInfo.InvariantCulture, $"<a href=\"{LocalStaffEndpoints.Route}/cases/{E(record.Reference)}\">Details</a></td></tr>");
            }

            body.Append("</tbody></table>");
        }

        return Page("Open cases", body.ToString());
    }

    public static string Details(CaseRecord record, IReadOnlyList<CaseMessage> messages, LocalStaffPersonas.Persona persona, string token, string? notice)
    {
        var d = record.Details;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{LocalStaffEndpoints.Route}/\">All open cases</a></p><h1>{E(record.Reference)} · {E(QueueNames.Title(record.Queue))}</h1>");
        AppendNotice(body, notice);
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"status\">{E(Status(record))} · {(record.Priority == CasePriority.Urgent ? "Urgent" : "Routine")} · acting as <strong>{E(persona.Name)}</strong></p>");
        var own = record.Status == CaseStatus.Claimed && record.AssigneeId == persona.Id;
        body.Append("<div class=\"actions\">");
        switch (record.Status)
        {
            case CaseStatus.New or CaseStatus.Transferred or CaseStatus.Reopened:
                body.Append(Form(record, "claim", "Claim", token, persona));
                break;
            case CaseStatus.Claimed when own:
                body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{LocalStaffEndpoints.Route}/cases/{E(record.Reference)}/resolve\">{Hidden(record, token, persona)}");
                body.Append("<label>Outcome <select name=\"outcome\" required><option value=\"\">Choose…</option>");
                foreach (var outcome in StaffOutcomes.All)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(outcome.Id)}\">{E(outcome.Title)}</option>");
                }

                body.Append("</select></label> <button type=\"submit\">Resolve</button></form>");
                break;
            case CaseStatus.Claimed:
                body.Append(Form(record, "takeover", "Take over", token, persona));
                break;
        }

        body.Append("</div>");
        if (record.PatientConversation is null && d.Concern is null)
        {
            body.Append("<p>The patient deleted their data. Nothing else about them is kept.</p>");
            return Page(record.Reference, body.ToString());
        }

        body.Append(CultureInfo.InvariantCulture, $"<p class=\"identity\">{E(record.OwnerKey.StartsWith("msteams:", StringComparison.Ordinal) ? "Identified by: a Teams account in your organisation." : "Identified by: nothing. This is an unverified web chat visitor. Check who they are before you discuss health details.")}</p>");
        Section(body, "Flags", ("Priority", record.Priority == CasePriority.Urgent ? "Urgent" : "Routine"), ("Needs a call", d.NeedsCall() ? "Yes, not known: " + string.Join(", ", d.NotKnown) : null));
        Section(body, "Who is chatting", ("Chatting", d.Role == ChatRole.Caregiver ? "A caregiver" : "The patient"), ("Patient's first name", d.PatientFirstName), ("Relationship", d.Relationship is { } relationship ? CardText.Label(relationship) : null),
            ("Can act for the patient as", d.ProxyAuthority is { } authority ? CardText.Label(authority) : null),
            ("Patient agrees", d.Role == ChatRole.Caregiver ? d.PatientAgrees switch { true => "Yes", false => "No", null => null } : null));
        Section(body, "The situation", ("Worry, in their words", d.Concern), ("Proposed", d.Proposed), ("Planned date", d.PlannedDate?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)), ("Current clinic or doctor", d.CurrentClinic),
            ("Symptoms changing fast", d.SymptomsChangingFast ? "Yes" : null), ("Emergency words during the chat", d.EmergencySignalled ? "Yes" : null), ("Situation", string.Join(", ", d.Situations.Select(CardText.Label))));
        Section(body, "Reasons", d.Reasons.Select(r => ("", (string?)CardText.Label(r))).ToArray());
        Section(body, "Questions for the doctor", d.Questions.Select((q, i) => ($"{i + 1}.", (string?)q)).ToArray());
        Section(body, "Records", d.Records.Select(r => (CardText.Label(r.Key), (string?)(r.Value switch { RecordStatus.Have => "has it", RecordStatus.NeedHelp => "needs help getting it", _ => "doesn't apply" }))).ToArray());
        Section(body, "Questions and worries for our team", d.TeamQuestions.Select((q, i) => ($"{i + 1}.", (string?)q)).ToArray());
        Section(body, "Needs", d.Needs.Select(n => ("", (string?)CardText.Label(n))).Append(("In their words", d.NeedsNote)).ToArray());
        Section(body, "How to reach them", ("Prefers", string.Join(", ", d.ContactMethods.Select(CardText.Label))), ("Phone", d.Phone), ("Email", d.Email), ("Good times", d.ContactTimes));

        body.Append("<h2>Notes (care team only)</h2><ol id=\"notes\">");
        foreach (var m in messages.Where(m => m.Direction == MessageDirection.StaffNote))
        {
            body.Append(CultureInfo.InvariantCulture, $"<li class=\"note\">{E(m.At.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture))} · {E(m.AuthorName)}: {E(m.Text)}</li>");
        }

        body.Append("</ol>");
        body.Append("<h2>Messages</h2><ol id=\"messages\">");
        foreach (var m in messages.Where(m => m.Direction != MessageDirection.StaffNote))
        {
            var who = m.Direction == MessageDirection.FromPatient ? "Patient" : $"{m.AuthorName} to the patient";
            body.Append(CultureInfo.InvariantCulture, $"<li class=\"{(m.Direction == MessageDirection.FromPatient ? "from-patient" : "to-patient")}\">{E(m.At.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture))} · {E(who)}: {E(m.Text)}</li>");
        }

        body.Append("</ol>");
        if (own && record.PatientConversation is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{LocalStaffEndpoints.Route}/cases/{E(record.Reference)}/message\">{Hidden(record, token, persona)}");
            body.Append(CultureInfo.InvariantCulture, $"<label for=\"message\">Message the patient</label><br><textarea id=\"message\" name=\"message\" rows=\"4\" cols=\"60\" maxlength=\"{StaffDialogs.MaxMessageLength}\" required></textarea><br><button type=\"submit\">Send</button></form>");
        }

        return Page(record.Reference, body.ToString());
    }

    private static string Status(CaseRecord record) => record.Status switch
    {
        CaseStatus.Claimed => $"Claimed by {CardText.FirstName(record.AssigneeName)}",
        CaseStatus.Resolved => $"Resolved by {CardText.FirstName(record.ResolvedByName ?? record.AssigneeName)}",
        CaseStatus.Withdrawn => "Withdrawn by the patient",
        var other => $"{other}: waiting for someone to claim it",
    };

    private static string Form(CaseRecord record, string action, string label, string token, LocalStaffPersonas.Persona? persona) =>
        $"<form method=\"post\" action=\"{LocalStaffEndpoints.Route}/cases/{E(record.Reference)}/{action}\">{Hidden(record, token, persona)}<button type=\"submit\">{E(label)}</button></form>";

    /// <summary>The anti-forgery token, the card version (a stale page is answered with the current state) and who is acting.</summary>
    private static string Hidden(CaseRecord record, string token, LocalStaffPersonas.Persona? persona)
    {
        var options = string.Concat(LocalStaffPersonas.All.Select(p =>
            $"<option value=\"{E(p.Id)}\"{(p.Id == persona?.Id ? " selected" : "")}>{E(p.Name)}</option>"));
        return $"<input type=\"hidden\" name=\"af\" value=\"{E(token)}\"><input type=\"hidden\" name=\"version\" value=\"{record.Version}\">" +
            $"<label>As <select name=\"persona\" required>{(persona is null ? "<option value=\"\">Choose…</option>" : "")}{options}</select></label> ";
    }

    private static void Section(StringBuilder body, string title, params (string Title, string? Value)[] facts)
    {
        body.Append(CultureInfo.InvariantCulture, $"<h2>{E(title)}</h2><dl>");
        var shown = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();
        if (shown.Count == 0)
        {
            body.Append("<dd>None given.</dd>");
        }

        foreach (var (factTitle, value) in shown)
        {
            body.Append(CultureInfo.InvariantCulture, $"{(factTitle.Length > 0 ? $"<dt>{E(factTitle)}</dt>" : "")}<dd>{E(value)}</dd>");
        }

        body.Append("</dl>");
    }

    private static void AppendNotice(StringBuilder body, string? notice)
    {
        if (notice is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p role=\"status\" id=\"notice\">{E(notice)}</p>");
        }
    }

    private static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} · SecondOpinionBot staff (local)</title>
        <style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}form{display:inline-block;margin:.2rem}dt{font-weight:600}#notice{background:#fff4ce;padding:.5rem}</style>
        </head><body><main>{{body}}</main></body></html>
        """;
}
