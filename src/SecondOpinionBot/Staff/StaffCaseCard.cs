using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Content;
using CasePriority = SecondOpinionBot.Handoff.CasePriority;
using SecondOpinionBot.Dialogs.Cards;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The card a case shows in its channel thread (Adaptive Card 1.5). It carries only what the whole channel needs:
/// reference, queue, priority, waiting time, first name, reason and need categories, record counts, preferred contact
/// channel. Never the concern, questions, other free text, phone or email. Actions follow the status. Its words are
/// staff.yaml's `card.*` (<paramref name="Words"/>).
/// </summary>
/// <param name="Note">A line for the person who clicked, e.g. "Ben claimed this first."</param>
/// <param name="ShowFirstName">Handoff:ShowFirstNameOnCard: whether a plausible first name may appear at all.</param>
/// <param name="ForAssignee">
/// The assignee's own view (Resolve with its outcome list, Message patient). Everyone else, previews and exports get the
/// base card; Teams asks for the assignee's view through refresh.userIds. The server checks every action regardless.
/// </param>
/// <param name="MovedAway">The copy left in a channel the case is no longer in: "Transferred to care coordination", nothing else.</param>
public sealed record StaffCaseCard(CaseRecord Case, DateTimeOffset Now, StaffText Words, string? Note = null, bool ShowFirstName = false, bool ForAssignee = false, bool MovedAway = false, string? Overdue = null)
{
    public const string ContentType = AdaptiveCard.ContentType;

    public string ToJson() => AdaptiveCard.Text(Build());

    public Attachment ToAttachment() => AdaptiveCard.ToAttachment(Build());

    public JsonObject Build()
    {
        var queue = Words.Queue(Case.Queue);
        if (MovedAway)
        {
            return new AdaptiveCard()
                .Add(CardElements.Text(Case.Reference, weight: "Bolder", size: "Medium"))
                .Add(CardElements.Text(Words.Get(StaffMessageKeys.CardMovedAway, ("queueName", queue.ToLowerInvariant()))))
                .ToJson();
        }

        var card = new AdaptiveCard()
            .Add(CardElements.Text(Words.Get(StaffMessageKeys.CardHeading, ("reference", Case.Reference), ("queueName", queue)), weight: "Bolder", size: "Medium"))
            .Add(CardElements.Text(StatusLine(), color: Case.Status == CaseStatus.Claimed ? "Good" : Case.Priority == CasePriority.Urgent ? "Attention" : null))
            .Add(string.IsNullOrEmpty(Note) ? null : CardElements.Text(Note, color: "Warning", subtle: true))
            .Add(CardElements.Facts(Facts()))
            .Add(Case.Status == CaseStatus.Claimed && ForAssignee ? OutcomeInput() : null);
        foreach (var action in Actions())
        {
            card.Action(action);
        }

        if (Case.Status == CaseStatus.Claimed && Case.AssigneeUserId is { Length: > 0 } assignee)
        {
            // Teams refreshes the card for each listed user by calling the bot; only the assignee is listed.
            card.RefreshFor(
                CardActions.Execute(CaseActionPayload.RefreshVerb, null, new CaseActionPayload(CaseActionPayload.RefreshVerb, Case.Reference, Case.Version, null).ToData()),
                [assignee]);
        }

        return card.ToJson();
    }

    private string StatusLine()
    {
        var assignee = CardText.FirstName(Case.AssigneeName);
        return Case.Status switch
        {
            CaseStatus.New => Words.Get(StaffMessageKeys.CardStatusNew),
            CaseStatus.Transferred => Words.Get(StaffMessageKeys.CardStatusTransferred),
            CaseStatus.Reopened => Words.Get(StaffMessageKeys.CardStatusReopened),
            CaseStatus.Claimed => Words.Get(StaffMessageKeys.CardStatusClaimed, ("name", assignee)),
            CaseStatus.Resolved => Words.Get(StaffMessageKeys.CardStatusResolved,
                ("name", CardText.FirstName(Case.ResolvedByName ?? Case.AssigneeName)),
                ("outcome", Words.Get(CaseOutcomes.Find(Case.Outcome)?.StaffTitle ?? StaffMessageKeys.OutcomesDone))),
            CaseStatus.Withdrawn => Words.Get(StaffMessageKeys.CardStatusWithdrawn),
            _ => Case.Status.ToString(),
        };
    }

    private List<(string Title, string Value)> Facts()
    {
        var details = Case.Details;
        var facts = new List<(string Title, string Value)>
        {
            (Words.Get(StaffMessageKeys.CardFactsPriority), Words.Get(Case.Priority == CasePriority.Urgent ? StaffMessageKeys.CardFactsUrgent : StaffMessageKeys.CardFactsRoutine)),
        };
        if (Overdue is not null)
        {
            facts.Add((Words.Get(StaffMessageKeys.CardFactsServiceLevel), Overdue));
        }

        facts.Add((Words.Get(CaseTransitions.IsOpen(Case.Status) ? StaffMessageKeys.CardFactsWaiting : StaffMessageKeys.CardFactsWasOpen), Words.Waited((Case.ClosedAt ?? Now) - Case.CreatedAt)));
        facts.Add((Words.Get(StaffMessageKeys.CardFactsChatting), Person(details)));
        if (details.NeedsCall())
        {
            // A workflow flag, not health detail: the bot could not understand some answers and guessed none.
            facts.Add((Words.Get(StaffMessageKeys.CardFactsNeedsCall), Words.Get(StaffMessageKeys.CardFactsNeedsCallValue)));
        }

        if (PatientLanguageFlag.InterpreterMayBeNeeded(details, Words.Culture))
        {
            // Like the call flag, a workflow fact for whoever picks the case up: book an interpreter before calling.
            facts.Add((Words.Get(StaffMessageKeys.CardFactsLanguage),
                Words.Get(StaffMessageKeys.CardFactsLanguageInterpreter, ("language", PatientLanguageFlag.Name(details.Language, Words.Culture)))));
        }

        AddList(facts, Words.Get(StaffMessageKeys.CardFactsReasons), details.Reasons);
        AddList(facts, Words.Get(StaffMessageKeys.CardFactsNeeds), details.Needs);
        var have = details.Records.Values.Count(s => s == RecordStatus.Have);
        var needHelp = details.Records.Values.Count(s => s == RecordStatus.NeedHelp);
        if (have + needHelp > 0)
        {
            facts.Add((Words.Get(StaffMessageKeys.CardFactsRecords), Words.Get(StaffMessageKeys.CardFactsRecordsCount,
                ("have", have.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("needHelp", needHelp.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        }

        if (details.ContactMethods is [var method, ..] && CardText.Label(method) is { Length: > 0 } label)
        {
            facts.Add((Words.Get(StaffMessageKeys.CardFactsContactBy), label));
        }

        if (Case.SecondaryQueue is { } secondary)
        {
            facts.Add((Words.Get(StaffMessageKeys.CardFactsAlsoNeeds), Words.Queue(secondary)));
        }

        return facts;
    }

    /// <summary>Who is chatting; a first name only when the setting allows it and the answer is one plausible first name.</summary>
    private string Person(CaseDetails details)
    {
        var name = ShowFirstName ? CardText.PlausibleFirstName(details.PatientFirstName) : null;
        return (details.Role, name) switch
        {
            (ChatRole.Caregiver, null) => Words.Get(StaffMessageKeys.CardPersonCaregiver),
            (ChatRole.Caregiver, _) => Words.Get(StaffMessageKeys.CardPersonCaregiverFor, ("name", name)),
            (_, null) => Words.Get(StaffMessageKeys.CardPersonPatient),
            _ => name,
        };
    }

    private static void AddList(List<(string Title, string Value)> facts, string title, IEnumerable<string> ids)
    {
        var labels = ids.Select(CardText.Label).Where(l => l.Length > 0).ToList();
        if (labels.Count > 0)
        {
            facts.Add((title, string.Join(", ", labels)));
        }
    }

    private JsonObject OutcomeInput() => CardElements.ChoiceSet(
        CaseActionPayload.OutcomeInputId, Words.Get(StaffMessageKeys.CardOutcomeLabel), CaseOutcomes.All.Select(o => (Words.Get(o.StaffTitle), o.Id)),
        expanded: false, required: true, errorMessage: Words.Get(StaffMessageKeys.CardOutcomeError));

    private List<JsonObject> Actions()
    {
        List<JsonObject> actions = Case.Status switch
        {
            CaseStatus.New or CaseStatus.Transferred or CaseStatus.Reopened => [Action(StaffMessageKeys.CardButtonsClaim, CaseActionPayload.ClaimVerb), AssignAction()],
            CaseStatus.Claimed when ForAssignee => [Action(StaffMessageKeys.CardButtonsResolve, CaseActionPayload.ResolveVerb), DialogAction(StaffMessageKeys.CardButtonsMessagePatient, CaseActionPayload.MessageVerb)],
            CaseStatus.Claimed => [Action(StaffMessageKeys.CardButtonsTakeOver, CaseActionPayload.TakeOverVerb), AssignAction()],
            CaseStatus.Resolved => [Action(StaffMessageKeys.CardButtonsReopen, CaseActionPayload.ReopenVerb)],
            _ => [],
        };
        actions.Add(DialogAction(StaffMessageKeys.CardButtonsDetails, CaseActionPayload.DetailsVerb));
        if (CaseTransitions.IsOpen(Case.Status))
        {
            actions.Add(DialogAction(StaffMessageKeys.CardButtonsAddNote, CaseActionPayload.NoteVerb));
            actions.Add(DialogAction(StaffMessageKeys.CardButtonsTransfer, CaseActionPayload.TransferVerb));
        }

        if (Case.Status == CaseStatus.Claimed && ForAssignee)
        {
            actions.Add(Action(StaffMessageKeys.CardButtonsUnassign, CaseActionPayload.UnassignVerb));
        }

        return actions;
    }

    /// <summary>
    /// "Assign…" opens Teams' people picker (Input.ChoiceSet with a Data.Query on the users of this team, documented
    /// for desktop and web clients; it returns Entra object ids). The server checks the roster before assigning; the
    /// command "assign SO-XXXX @name" is the path that works in every client.
    /// </summary>
    private JsonObject AssignAction()
    {
        var picker = CardElements.ChoiceSet(CaseActionPayload.AssigneeInputId, Words.Get(StaffMessageKeys.CardAssignLabel), [],
            required: true, errorMessage: Words.Get(StaffMessageKeys.CardAssignError));
        picker.Remove("style");
        picker["choices.data"] = new JsonObject { ["type"] = "Data.Query", ["dataset"] = "graph.microsoft.com/users?scope=currentContext" };
        return CardActions.ShowCard(Words.Get(StaffMessageKeys.CardButtonsAssignMenu), [picker], [Action(StaffMessageKeys.CardButtonsAssign, CaseActionPayload.AssignVerb)]);
    }

    /// <summary>
    /// Opens a Teams dialog: only an Action.Submit tagged msteams.type task/fetch does (never Action.Execute), and the
    /// person's request arrives as a task/fetch invoke the server checks like any other action.
    /// </summary>
    private JsonObject DialogAction(MessageKey title, string verb)
    {
        var data = new CaseActionPayload(verb, Case.Reference, Case.Version, null).ToData();
        data["msteams"] = new JsonObject { ["type"] = "task/fetch" };
        return CardActions.Submit(Words.Get(title), data);
    }

    /// <summary>Action.Execute for clients with Universal Actions, Action.Submit with the same payload for the rest.</summary>
    private JsonObject Action(MessageKey title, string verb)
    {
        var data = new CaseActionPayload(verb, Case.Reference, Case.Version, null).ToData();
        var action = CardActions.Execute(verb, Words.Get(title), data);
        action["fallback"] = CardActions.Submit(Words.Get(title), (JsonObject)data.DeepClone());
        return action;
    }
}
