using SecondOpinionBot.Content;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Handoff;

/// <summary>
/// What the patient is told when staff claim or resolve their case, in the content's words and the patient's language.
/// Staff are named by first name only.
/// </summary>
public sealed class PatientMessages(ContentCatalogs content)
{
    /// <summary>The case never reached the team: sorry, and the number to call (Handoff:FallbackPhone) with the reference.</summary>
    public string Undelivered(CaseRecord record, string? fallbackPhone, string? locale)
    {
        var messages = content.For(locale).Messages;
        return fallbackPhone is { Length: > 0 } phone
            ? messages.Format(MessageKeys.HandoffUndelivered, ("reference", record.Reference), ("phone", phone))
            : messages.Format(MessageKeys.HandoffUndeliveredNoPhone, ("reference", record.Reference));
    }

    public string Claimed(CaseRecord record, string staffName, string? locale)
    {
        var catalog = content.For(locale);
        return catalog.Messages.Format(MessageKeys.HandoffClaimed,
            ("staffName", CardText.FirstName(staffName)),
            ("queueName", catalog.Routing.Queue(record.Queue).PatientName),
            ("reference", record.Reference),
            ("how", catalog.Messages.Get(ContactBy(record.Details.ContactMethods))),
            ("when", catalog.Messages.Get(record.Priority == CasePriority.Urgent ? MessageKeys.HandoffWhenUrgent : MessageKeys.HandoffWhenNormal)));
    }

    /// <summary>The method the patient chose first; with none left (e.g. an unreadable number), the chat the notice goes to.</summary>
    private static MessageKey ContactBy(IReadOnlyList<string> methods) => methods.Count == 0 ? MessageKeys.HandoffContactByWebchat : methods[0] switch
    {
        "phone" => MessageKeys.HandoffContactByPhone,
        "email" => MessageKeys.HandoffContactByEmail,
        "teams" => MessageKeys.HandoffContactByTeams,
        _ => MessageKeys.HandoffContactByWebchat,
    };

    /// <summary>"From Ana, a social worker on our care team: …". The staff text is made inert (no links or formatting).</summary>
    public string FromStaff(CaseRecord record, string staffName, string text, string? locale)
    {
        var catalog = content.For(locale);
        return catalog.Messages.Format(MessageKeys.HandoffFromStaff,
            ("staffName", CardText.FirstName(staffName)),
            ("queueName", catalog.Routing.Queue(record.Queue).PatientName),
            ("text", Text.MarkdownText.Escape(text)));
    }

    /// <summary>"Your case SO-7K3F is now with our care coordinator team…": who helps now, in plain words.</summary>
    public string Transferred(CaseRecord record, string? locale)
    {
        var catalog = content.For(locale);
        return catalog.Messages.Format(MessageKeys.HandoffTransferred,
            ("queueName", catalog.Routing.Queue(record.Queue).PatientName),
            ("reference", record.Reference));
    }

    public string Resolved(CaseRecord record, string staffName, string? outcomeId, string? locale)
    {
        var catalog = content.For(locale);
        var outcome = CaseOutcomes.Find(outcomeId);
        var text = catalog.Messages.Format(MessageKeys.HandoffResolved,
            ("staffName", CardText.FirstName(staffName)),
            ("reference", record.Reference),
            ("outcome", outcome is null ? "" : catalog.Messages.Get(outcome.PatientWords)));
        return text.Replace("  ", " ", StringComparison.Ordinal);
    }
}
