using System.Globalization;
using System.Text.Json.Nodes;
using SecondOpinionBot.Content;
using CasePriority = SecondOpinionBot.Handoff.CasePriority;
using SecondOpinionBot.Dialogs.Cards;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The whole case for the staff member who asked, shown only in a Teams dialog (or the local staff page), never posted
/// to a chat: the patient's words, what was proposed, the clinic, reasons, questions, records, needs, how to reach
/// them, who is chatting and how they are identified, flags, and the messages both ways. Actions are Action.Submit
/// (in a dialog they arrive as task/submit). Its words are staff.yaml's `details.*`.
/// </summary>
public sealed record CaseDetailsCard(CaseRecord Case, IReadOnlyList<CaseMessage> Messages, bool CanMessagePatient, StaffText Words)
{
    public const int MaxShownMessages = 30;

    public string ToJson() => AdaptiveCard.Text(Build());

    public JsonObject Build()
    {
        var d = Case.Details;
        var card = new AdaptiveCard()
            .Add(Text(Words.Get(StaffMessageKeys.CardHeading, ("reference", Case.Reference), ("queueName", Words.Queue(Case.Queue))), "Bolder", "Medium"))
            .Add(Text(Status()));
        if (Case.PatientConversation is null && d.Concern is null)
        {
            return card.Add(Text(Words.Get(StaffMessageKeys.DetailsErased), color: "Warning")).ToJson();
        }

        var teams = Case.OwnerKey.StartsWith("msteams:", StringComparison.Ordinal);
        card.Add(Text(Words.Get(teams ? StaffMessageKeys.DetailsIdentifiedTeams : StaffMessageKeys.DetailsIdentifiedNothing), color: teams ? null : "Warning"));
        var flags = Flags(d);
        if (flags.Length > 0)
        {
            card.Add(Text(flags, color: "Attention", weight: "Bolder"));
        }

        var caregiver = d.Role == ChatRole.Caregiver;
        card.Add(Section(StaffMessageKeys.DetailsSectionsWho, Facts(
            (StaffMessageKeys.DetailsFieldsChatting, Words.Get(caregiver ? StaffMessageKeys.DetailsFieldsCaregiver : StaffMessageKeys.DetailsFieldsPatient)),
            (StaffMessageKeys.DetailsFieldsLanguage, d.Language is null ? null : PatientLanguageFlag.Name(d.Language, Words.Culture)),
            (StaffMessageKeys.DetailsFieldsFirstName, d.PatientFirstName),
            (StaffMessageKeys.DetailsFieldsRelationship, d.Relationship is { } relationship ? Words.Choice(ChoiceSetIds.Relationship, relationship) : null),
            (StaffMessageKeys.DetailsFieldsProxyAuthority, d.ProxyAuthority is { } authority ? CardText.Label(authority) : null),
            (StaffMessageKeys.DetailsFieldsPatientAgrees, caregiver ? YesNo(d.PatientAgrees) : null))));
        card.Add(Section(StaffMessageKeys.DetailsSectionsSituation, Facts(
            (StaffMessageKeys.DetailsFieldsConcern, d.Concern),
            (StaffMessageKeys.DetailsFieldsProposed, d.Proposed),
            (StaffMessageKeys.DetailsFieldsPlannedDate, d.PlannedDate?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
            (StaffMessageKeys.DetailsFieldsClinic, d.CurrentClinic),
            (StaffMessageKeys.DetailsFieldsChangingFast, d.SymptomsChangingFast ? Words.Get(StaffMessageKeys.DetailsAnswerYes) : null),
            (StaffMessageKeys.DetailsFieldsSituation, string.Join(", ", d.Situations.Select(CardText.Label))))));
        card.Add(Section(StaffMessageKeys.DetailsSectionsReasons, List(d.Reasons.Select(CardText.Label))));
        card.Add(Section(StaffMessageKeys.DetailsSectionsQuestions, List(d.Questions.Select((q, i) => $"{i + 1}. {q}"))));
        if (d.TeamQuestions.Count > 0)
        {
            card.Add(Section(StaffMessageKeys.DetailsSectionsTeamQuestions, List(d.TeamQuestions.Select((q, i) => $"{i + 1}. {q}"))));
        }

        card.Add(Section(StaffMessageKeys.DetailsSectionsRecords, List(d.Records.Select(r =>
            Words.Get(StaffMessageKeys.DetailsRecordLine, ("record", CardText.Label(r.Key)), ("status", RecordWords(r.Value)))))));
        card.Add(Section(StaffMessageKeys.DetailsSectionsNeeds, List(d.Needs.Select(CardText.Label))));
        if (!string.IsNullOrWhiteSpace(d.NeedsNote))
        {
            card.Add(Section(StaffMessageKeys.DetailsSectionsNeedsNote, List([d.NeedsNote])));
        }

        card.Add(Section(StaffMessageKeys.DetailsSectionsReach, Facts(
            (StaffMessageKeys.DetailsFieldsPrefers, string.Join(", ", d.ContactMethods.Select(CardText.Label))),
            (StaffMessageKeys.DetailsFieldsPhone, d.Phone),
            (StaffMessageKeys.DetailsFieldsEmail, d.Email),
            (StaffMessageKeys.DetailsFieldsGoodTimes, d.ContactTimes))));
        card.Add(Section(StaffMessageKeys.DetailsSectionsNotes, NoteLines()));
        card.Add(Section(StaffMessageKeys.DetailsSectionsMessages, MessageLines()));
        if (CanMessagePatient)
        {
            card.Action(Submit(StaffMessageKeys.DetailsMessagePatient, CaseActionPayload.MessageVerb));
        }

        return card.Action(Submit(StaffMessageKeys.DetailsRefresh, CaseActionPayload.DetailsVerb)).ToJson();
    }

    private JsonObject Submit(MessageKey title, string verb) =>
        CardActions.Submit(Words.Get(title), new CaseActionPayload(verb, Case.Reference, Case.Version, null).ToData());

    private string Status()
    {
        var status = Case.Status switch
        {
            CaseStatus.Claimed => Words.Get(StaffMessageKeys.DetailsStatusClaimed, ("name", CardText.FirstName(Case.AssigneeName))),
            CaseStatus.Resolved => Words.Get(StaffMessageKeys.DetailsStatusResolved, ("name", CardText.FirstName(Case.ResolvedByName ?? Case.AssigneeName))),
            CaseStatus.Withdrawn => Words.Get(StaffMessageKeys.DetailsStatusWithdrawn),
            _ => Words.Get(StaffMessageKeys.DetailsStatusWaiting, ("status", Case.Status.ToString())),
        };
        return Words.Get(StaffMessageKeys.DetailsStatusSent, ("status", status), ("when", Case.CreatedAt.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)));
    }

    private string Flags(CaseDetails d)
    {
        var flags = new List<string>();
        if (Case.Priority == CasePriority.Urgent)
        {
            flags.Add(Words.Get(StaffMessageKeys.DetailsFlagsUrgent));
        }

        if (d.EmergencySignalled)
        {
            flags.Add(Words.Get(StaffMessageKeys.DetailsFlagsEmergency));
        }

        if (PatientLanguageFlag.InterpreterMayBeNeeded(d, Words.Culture))
        {
            flags.Add(Words.Get(StaffMessageKeys.DetailsFlagsInterpreter, ("language", PatientLanguageFlag.Name(d.Language, Words.Culture))));
        }

        if (d.NeedsCall())
        {
            flags.Add(Words.Get(StaffMessageKeys.DetailsFlagsNeedsCall, ("fields", string.Join(", ", d.NotKnown.Select(NotKnownLabel)))));
        }

        return string.Join(" · ", flags);
    }

    /// <summary>"contactMethods" → "contact methods": the case's field names, in words for staff.</summary>
    private static string NotKnownLabel(string field) =>
        System.Text.RegularExpressions.Regex.Replace(field, "(?<=[a-z])([A-Z])", " $1").ToLowerInvariant();

    private List<JsonObject> NoteLines()
    {
        var notes = Messages.Where(m => m.Direction == MessageDirection.StaffNote).ToList();
        return notes.Count == 0
            ? [Text(Words.Get(StaffMessageKeys.DetailsNoNotes), subtle: true)]
            : [.. notes.Skip(Math.Max(0, notes.Count - MaxShownMessages)).Select(m => Text(
                Words.Get(StaffMessageKeys.DetailsNoteLine, ("when", When(m)), ("name", m.AuthorName), ("text", m.Text))))];
    }

    private List<JsonObject> MessageLines()
    {
        var messages = Messages.Where(m => m.Direction != MessageDirection.StaffNote).ToList();
        if (messages.Count == 0)
        {
            return [Text(Words.Get(StaffMessageKeys.DetailsNoMessages), subtle: true)];
        }

        return [.. messages.Skip(Math.Max(0, messages.Count - MaxShownMessages)).Select(m => Text(m.Direction == MessageDirection.FromPatient
            ? Words.Get(StaffMessageKeys.DetailsFromPatient, ("when", When(m)), ("text", m.Text))
            : Words.Get(m.DeliveredAt is null ? StaffMessageKeys.DetailsToPatientNotDelivered : StaffMessageKeys.DetailsToPatient, ("when", When(m)), ("name", m.AuthorName), ("text", m.Text))))];
    }

    private static string When(CaseMessage message) => message.At.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture);

    private string RecordWords(RecordStatus status) => Words.Get(status switch
    {
        RecordStatus.Have => StaffMessageKeys.DetailsRecordHave,
        RecordStatus.NeedHelp => StaffMessageKeys.DetailsRecordNeedHelp,
        _ => StaffMessageKeys.DetailsRecordNotApplicable,
    });

    private string? YesNo(bool? value) => value switch
    {
        true => Words.Get(StaffMessageKeys.DetailsAnswerYes),
        false => Words.Get(StaffMessageKeys.DetailsAnswerNo),
        null => null,
    };

    private List<JsonObject> Facts(params (MessageKey Title, string? Value)[] facts)
    {
        // Phone and email were checked by the contact step and are shown as they are, so staff can copy them.
        var shown = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => (Words.Get(f.Title), f.Title == StaffMessageKeys.DetailsFieldsPhone || f.Title == StaffMessageKeys.DetailsFieldsEmail ? f.Value! : Plain(f.Value!)))
            .ToList();
        return shown.Count == 0 ? [Text(Words.Get(StaffMessageKeys.DetailsNotGiven), subtle: true)] : [CardElements.Facts(shown)];
    }

    private List<JsonObject> List(IEnumerable<string> lines)
    {
        var items = lines.Where(l => l.Length > 0).ToList();
        return items.Count == 0 ? [Text(Words.Get(StaffMessageKeys.DetailsNone), subtle: true)] : [.. items.Select(l => Text(l))];
    }

    private JsonObject Section(MessageKey title, List<JsonObject> items) =>
        CardElements.Container([Text(Words.Get(title), "Bolder"), .. items], separator: true);

    /// <summary>Patient text is shown as typed, not as Markdown: no links, bold or lists a patient did not mean.</summary>
    private static string Plain(string text) => SecondOpinionBot.Text.MarkdownText.Escape(text);

    private static JsonObject Text(string text, string? weight = null, string? size = null, string? color = null, bool subtle = false) =>
        CardElements.Text(Plain(text), weight, size, color, subtle);
}
