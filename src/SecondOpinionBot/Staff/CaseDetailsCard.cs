using System.Globalization;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The whole case for the staff member who asked, shown only in a Teams dialog (or the local staff page), never posted
/// to a chat: the patient's words, what was proposed, the clinic, reasons, questions, records, needs, how to reach
/// them, who is chatting and how they are identified, flags, and the messages both ways. Actions are Action.Submit
/// (in a dialog they arrive as task/submit).
/// </summary>
public sealed record CaseDetailsCard(CaseRecord Case, IReadOnlyList<CaseMessage> Messages, bool CanMessagePatient)
{
    public const int MaxShownMessages = 30;

    public JObject Build()
    {
        var d = Case.Details;
        var body = new JArray
        {
            Text($"{Case.Reference} · {QueueNames.Title(Case.Queue)}", "Bolder", "Medium"),
            Text(Status()),
        };
        if (Case.PatientConversation is null && d.Concern is null)
        {
            body.Add(Text("The patient deleted their data. Nothing else about them is kept.", color: "Warning"));
            return Card(body, []);
        }

        body.Add(Text(Identity(), color: Case.OwnerKey.StartsWith("msteams:", StringComparison.Ordinal) ? null : "Warning"));
        var flags = Flags(d);
        if (flags.Length > 0)
        {
            body.Add(Text(flags, color: "Attention", weight: "Bolder"));
        }

        body.Add(Section("Who is chatting", Facts(
            ("Chatting", d.Role == ChatRole.Caregiver ? "A caregiver" : "The patient"),
            ("Patient's first name", d.PatientFirstName),
            ("Relationship", d.Relationship is { } relationship ? CardText.Label(relationship) : null),
            ("Can act for the patient as", d.ProxyAuthority is { } authority ? CardText.Label(authority) : null),
            ("Patient agrees", d.Role == ChatRole.Caregiver ? YesNo(d.PatientAgrees) : null))));
        body.Add(Section("The situation", Facts(
            ("Worry, in their words", d.Concern),
            ("Proposed", d.Proposed),
            ("Planned date", d.PlannedDate?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
            ("Current clinic or doctor", d.CurrentClinic),
            ("Symptoms changing fast", d.SymptomsChangingFast ? "Yes" : null),
            ("Situation", string.Join(", ", d.Situations.Select(CardText.Label))))));
        body.Add(Section("Reasons", List(d.Reasons.Select(CardText.Label))));
        body.Add(Section("Questions for the doctor", List(d.Questions.Select((q, i) => $"{i + 1}. {q}"))));
        if (d.TeamQuestions.Count > 0)
        {
            body.Add(Section("Questions and worries for our team", List(d.TeamQuestions.Select((q, i) => $"{i + 1}. {q}"))));
        }

        body.Add(Section("Records", List(d.Records.Select(r => $"{CardText.Label(r.Key)}: {RecordWords(r.Value)}"))));
        body.Add(Section("Needs", List(d.Needs.Select(CardText.Label))));
        if (!string.IsNullOrWhiteSpace(d.NeedsNote))
        {
            body.Add(Section("What else would help, in their words", List([d.NeedsNote])));
        }
        body.Add(Section("How to reach them", Facts(
            ("Prefers", string.Join(", ", d.ContactMethods.Select(CardText.Label))),
            ("Phone", d.Phone),
            ("Email", d.Email),
            ("Good times", d.ContactTimes))));
        body.Add(Section("Notes (care team only)", NoteLines()));
        body.Add(Section("Messages", MessageLines()));

        var actions = new JArray();
        if (CanMessagePatient)
        {
            actions.Add(Submit("Message patient", CaseActionPayload.MessageVerb));
        }

        actions.Add(Submit("Refresh", CaseActionPayload.DetailsVerb));
        return Card(body, actions);
    }

    private JObject Submit(string title, string verb) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new CaseActionPayload(verb, Case.Reference, Case.Version, null).ToData(),
    };

    private string Status() => Case.Status switch
    {
        CaseStatus.Claimed => $"Claimed by {CardText.FirstName(Case.AssigneeName)}",
        CaseStatus.Resolved => $"Resolved by {CardText.FirstName(Case.ResolvedByName ?? Case.AssigneeName)}",
        CaseStatus.Withdrawn => "Withdrawn by the patient",
        _ => $"{Case.Status}: waiting for someone to claim it",
    } + $" · sent {Case.CreatedAt.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)}";

    private string Identity() => Case.OwnerKey.StartsWith("msteams:", StringComparison.Ordinal)
        ? "Identified by: a Teams account in your organisation."
        : "Identified by: nothing. This is an unverified web chat visitor. Check who they are before you discuss health details.";

    private string Flags(CaseDetails d)
    {
        var flags = new List<string>();
        if (Case.Priority == CasePriority.Urgent)
        {
            flags.Add("Urgent");
        }

        if (d.EmergencySignalled)
        {
            flags.Add("Emergency words during the chat");
        }

        if (d.NeedsCall())
        {
            flags.Add("Needs a call: not known — " + string.Join(", ", d.NotKnown.Select(NotKnownLabel)));
        }

        return string.Join(" · ", flags);
    }

    /// <summary>"contactMethods" → "contact methods": the draft's field names, in words for staff.</summary>
    private static string NotKnownLabel(string field) =>
        System.Text.RegularExpressions.Regex.Replace(field, "(?<=[a-z])([A-Z])", " $1").ToLowerInvariant();

    private JArray NoteLines()
    {
        var notes = Messages.Where(m => m.Direction == MessageDirection.StaffNote).ToList();
        return notes.Count == 0
            ? [Text("No notes yet.", subtle: true)]
            : new JArray(notes.Skip(Math.Max(0, notes.Count - MaxShownMessages)).Select(m => Text(
                $"{m.At.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)} · {m.AuthorName}: {m.Text}")));
    }

    private JArray MessageLines()
    {
        var messages = Messages.Where(m => m.Direction != MessageDirection.StaffNote).ToList();
        if (messages.Count == 0)
        {
            return [Text("No messages yet.", subtle: true)];
        }

        var shown = messages.Skip(Math.Max(0, messages.Count - MaxShownMessages));
        return new JArray(shown.Select(m => Text(
            $"{m.At.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)} · " +
            (m.Direction == MessageDirection.FromPatient ? "Patient" : $"{m.AuthorName} to the patient{(m.DeliveredAt is null ? " (not delivered yet)" : "")}") +
            $": {m.Text}")));
    }

    private static string RecordWords(RecordStatus status) => status switch
    {
        RecordStatus.Have => "has it",
        RecordStatus.NeedHelp => "needs help getting it",
        _ => "doesn't apply",
    };

    private static string? YesNo(bool? value) => value switch { true => "Yes", false => "No", null => null };

    private static JArray Facts(params (string Title, string? Value)[] facts)
    {
        var shown = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();
        return shown.Count == 0
            ? [Text("Not given.", subtle: true)]
            : [new JObject { ["type"] = "FactSet", ["facts"] = new JArray(shown.Select(f => new JObject { ["title"] = f.Title, ["value"] = f.Title is "Phone" or "Email" ? f.Value : Plain(f.Value!) })) }];
    }

    private static JArray List(IEnumerable<string> lines)
    {
        var items = lines.Where(l => l.Length > 0).ToList();
        return items.Count == 0 ? [Text("None.", subtle: true)] : new JArray(items.Select(l => Text(l)));
    }

    private static JObject Section(string title, JArray items)
    {
        var container = new JArray { Text(title, "Bolder") };
        foreach (var item in items)
        {
            container.Add(item);
        }

        return new JObject { ["type"] = "Container", ["separator"] = true, ["items"] = container };
    }

    private static JObject Card(JArray body, JArray actions) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = body,
        ["actions"] = actions,
    };

    // Phone and email were checked by the contact step and are shown as they are, so staff can copy them.

    /// <summary>Patient text is shown as typed, not as Markdown: no links, bold or lists a patient did not mean.</summary>
    private static string Plain(string text) => SecondOpinionBot.Text.MarkdownText.Escape(text);

    private static JObject Text(string text, string? weight = null, string? size = null, string? color = null, bool subtle = false) =>
        CardTextBlock.Create(Plain(text), weight, size, color, subtle);
}
