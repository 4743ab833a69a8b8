using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The card a case shows in its channel thread (Adaptive Card 1.5). It carries only what the whole channel needs:
/// reference, queue, priority, waiting time, first name, reason and need categories, record counts, preferred contact
/// channel. Never the concern, questions, other free text, phone or email. Actions follow the status.
/// </summary>
/// <param name="Note">A line for the person who clicked, e.g. "Ben claimed this first."</param>
/// <param name="ShowFirstName">Handoff:ShowFirstNameOnCard: whether a plausible first name may appear at all.</param>
/// <param name="ForAssignee">
/// The assignee's own view (Resolve with its outcome list, Message patient). Everyone else, previews and exports get the
/// base card; Teams asks for the assignee's view through refresh.userIds. The server checks every action regardless.
/// </param>
/// <param name="MovedAway">The copy left in a channel the case is no longer in: "Transferred to care coordination", nothing else.</param>
public sealed record StaffCaseCard(CaseRecord Case, DateTimeOffset Now, string? Note = null, bool ShowFirstName = false, bool ForAssignee = false, bool MovedAway = false, string? Overdue = null)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public string ToJson() => Build().ToString(Newtonsoft.Json.Formatting.None);

    public Attachment ToAttachment() => new() { ContentType = ContentType, Content = Build() };

    public JObject Build()
    {
        if (MovedAway)
        {
            return new JObject
            {
                ["type"] = "AdaptiveCard",
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["version"] = "1.5",
                ["body"] = new JArray
                {
                    Text(Case.Reference, weight: "Bolder", size: "Medium"),
                    Text($"Transferred to {QueueNames.Title(Case.Queue).ToLowerInvariant()}. It is worked in that queue's channel now."),
                },
                ["actions"] = new JArray(),
            };
        }

        var body = new JArray
        {
            Text($"{Case.Reference} · {QueueNames.Title(Case.Queue)}", weight: "Bolder", size: "Medium"),
            Text(StatusLine(), color: Case.Status == CaseStatus.Claimed ? "Good" : Case.Priority == CasePriority.Urgent ? "Attention" : null),
        };
        if (!string.IsNullOrEmpty(Note))
        {
            body.Add(Text(Note, color: "Warning", italic: true));
        }

        body.Add(new JObject { ["type"] = "FactSet", ["facts"] = Facts() });
        if (Case.Status == CaseStatus.Claimed && ForAssignee)
        {
            body.Add(OutcomeInput());
        }

        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
            ["actions"] = Actions(),
        };
        if (Case.Status == CaseStatus.Claimed && Case.AssigneeUserId is { Length: > 0 } assignee)
        {
            // Teams refreshes the card for each listed user (at most 60) by calling the bot; only the assignee is listed.
            card["refresh"] = new JObject
            {
                ["action"] = new JObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = CaseActionPayload.RefreshVerb,
                    ["data"] = new CaseActionPayload(CaseActionPayload.RefreshVerb, Case.Reference, Case.Version, null).ToData(),
                },
                ["userIds"] = new JArray(assignee),
            };
        }

        return card;
    }

    private string StatusLine()
    {
        var assignee = CardText.FirstName(Case.AssigneeName);
        return Case.Status switch
        {
            CaseStatus.New => "New: waiting for someone to claim it",
            CaseStatus.Transferred => "Transferred: waiting for someone to claim it",
            CaseStatus.Reopened => "Reopened: waiting for someone to claim it",
            CaseStatus.Claimed => $"Claimed by {assignee}",
            CaseStatus.Resolved => $"Resolved by {CardText.FirstName(Case.ResolvedByName ?? Case.AssigneeName)}: {CaseOutcomes.Find(Case.Outcome)?.Title ?? "done"}",
            CaseStatus.Withdrawn => "Withdrawn by the patient",
            _ => Case.Status.ToString(),
        };
    }

    private JArray Facts()
    {
        var details = Case.Details;
        var facts = new JArray
        {
            Fact("Priority", Case.Priority == CasePriority.Urgent ? "Urgent" : "Routine"),
        };
        if (Overdue is not null)
        {
            facts.Add(Fact("Service level", Overdue));
        }

        foreach (var fact in new[]
        {
            Fact(CaseTransitions.IsOpen(Case.Status) ? "Waiting" : "Was open", CardText.Waiting((Case.ClosedAt ?? Now) - Case.CreatedAt)),
            Fact("Chatting", Person(details)),
        })
        {
            facts.Add(fact);
        }

        if (details.NeedsCall())
        {
            // A workflow flag, not health detail: the bot could not understand some answers and guessed none.
            facts.Add(Fact("Needs a call", "Yes, some answers are not known"));
        }

        AddList(facts, "Reasons", details.Reasons);
        AddList(facts, "Needs", details.Needs);
        var have = details.Records.Values.Count(s => s == RecordStatus.Have);
        var needHelp = details.Records.Values.Count(s => s == RecordStatus.NeedHelp);
        if (have + needHelp > 0)
        {
            facts.Add(Fact("Records", $"{have} ready, {needHelp} need help"));
        }

        if (details.ContactMethods is [var method, ..] && CardText.Label(method) is { Length: > 0 } label)
        {
            facts.Add(Fact("Contact by", label));
        }

        if (Case.SecondaryQueue is { } secondary)
        {
            facts.Add(Fact("Also needs", QueueNames.Title(secondary)));
        }

        return facts;
    }

    /// <summary>Who is chatting; a first name only when the setting allows it and the answer is one plausible first name.</summary>
    private string Person(CaseDetails details)
    {
        var name = ShowFirstName ? CardText.PlausibleFirstName(details.PatientFirstName) : null;
        return (details.Role, name) switch
        {
            (ChatRole.Caregiver, null) => "A caregiver",
            (ChatRole.Caregiver, _) => $"A caregiver for {name}",
            (_, null) => "The patient",
            _ => name,
        };
    }

    private static void AddList(JArray facts, string title, IEnumerable<string> ids)
    {
        var labels = ids.Select(CardText.Label).Where(l => l.Length > 0).ToList();
        if (labels.Count > 0)
        {
            facts.Add(Fact(title, string.Join(", ", labels)));
        }
    }

    private static JObject OutcomeInput() => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["id"] = CaseActionPayload.OutcomeInputId,
        ["label"] = "Outcome",
        ["style"] = "compact",
        ["isRequired"] = true,
        ["errorMessage"] = "Choose an outcome to resolve the case.",
        ["choices"] = new JArray(CaseOutcomes.All.Select(o => new JObject { ["title"] = o.Title, ["value"] = o.Id })),
    };

    private JArray Actions()
    {
        JArray actions = Case.Status switch
        {
            CaseStatus.New or CaseStatus.Transferred or CaseStatus.Reopened => [Action("Claim", CaseActionPayload.ClaimVerb), AssignAction()],
            CaseStatus.Claimed when ForAssignee => [Action("Resolve", CaseActionPayload.ResolveVerb), DialogAction("Message patient", CaseActionPayload.MessageVerb)],
            CaseStatus.Claimed => [Action("Take over", CaseActionPayload.TakeOverVerb), AssignAction()],
            CaseStatus.Resolved => [Action("Reopen", CaseActionPayload.ReopenVerb)],
            _ => [],
        };
        actions.Add(DialogAction("Details", CaseActionPayload.DetailsVerb));
        if (CaseTransitions.IsOpen(Case.Status))
        {
            actions.Add(DialogAction("Add note", CaseActionPayload.NoteVerb));
            actions.Add(DialogAction("Transfer", CaseActionPayload.TransferVerb));
        }

        if (Case.Status == CaseStatus.Claimed && ForAssignee)
        {
            actions.Add(Action("Unassign", CaseActionPayload.UnassignVerb));
        }

        return actions;
    }

    /// <summary>
    /// "Assign…" opens Teams' people picker (Input.ChoiceSet with a Data.Query on the users of this team, documented
    /// for desktop and web clients; it returns Entra object ids). The server checks the roster before assigning; the
    /// command "assign SO-XXXX @name" is the path that works in every client.
    /// </summary>
    private JObject AssignAction() => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = "Assign…",
        ["card"] = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JArray
            {
                new JObject
                {
                    ["type"] = "Input.ChoiceSet",
                    ["id"] = CaseActionPayload.AssigneeInputId,
                    ["label"] = "Assign to",
                    ["isRequired"] = true,
                    ["errorMessage"] = "Choose a colleague from this team.",
                    ["choices"] = new JArray(),
                    ["choices.data"] = new JObject { ["type"] = "Data.Query", ["dataset"] = "graph.microsoft.com/users?scope=currentContext" },
                },
            },
            ["actions"] = new JArray { Action("Assign", CaseActionPayload.AssignVerb) },
        },
    };

    /// <summary>
    /// Opens a Teams dialog: only an Action.Submit tagged msteams.type task/fetch does (never Action.Execute), and the
    /// person's request arrives as a task/fetch invoke the server checks like any other action.
    /// </summary>
    private JObject DialogAction(string title, string verb)
    {
        var data = new CaseActionPayload(verb, Case.Reference, Case.Version, null).ToData();
        data["msteams"] = new JObject { ["type"] = "task/fetch" };
        return new JObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
    }

    /// <summary>Action.Execute for clients with Universal Actions, Action.Submit with the same payload for the rest.</summary>
    private JObject Action(string title, string verb)
    {
        var data = new CaseActionPayload(verb, Case.Reference, Case.Version, null).ToData();
        return new JObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = data,
            ["fallback"] = new JObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data.DeepClone() },
        };
    }

    private static JObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JObject Text(string text, string? weight = null, string? size = null, string? color = null, bool italic = false) =>
        CardTextBlock.Create(text, weight, size, color, subtle: italic);
}
