using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>
/// What the care team reads, from dialogs/&lt;default language&gt;/staff.yaml (checked at startup). Staff work in the
/// organisation's language, so the default language folder is used whatever the patient speaks.
/// </summary>
public sealed class StaffText(ContentCatalogs content)
{
    public string Get(MessageKey key, params ReadOnlySpan<(string Name, string Value)> values) => content.Default.Messages.Format(key, values);

    public string Of(StaffRefusal refusal) => content.Default.Messages.Format(refusal.Key, refusal.Values);

    /// <summary>The queue's name as staff read it ("Social work").</summary>
    public string Queue(string queue) => QueueNames.Title(queue, content.Default.Messages);

    /// <summary>The queue's name inside a sentence ("transfer to social work").</summary>
    public string QueueInSentence(string queue) => QueueNames.InSentence(queue, content.Default.Messages);

    /// <summary>How long a case has waited, as a card fact ("45 min", "3 h 10 min", "2 d 4 h"); never negative.</summary>
    public string Waited(TimeSpan span)
    {
        span = span < TimeSpan.Zero ? TimeSpan.Zero : span;
        return span.TotalHours < 1 ? Get(StaffMessageKeys.WordsWaitedMinutes, ("minutes", Whole(span.TotalMinutes)))
            : span.TotalDays < 1 ? Get(StaffMessageKeys.WordsWaitedHours, ("hours", Whole(span.TotalHours)), ("minutes", Whole(span.Minutes)))
            : Get(StaffMessageKeys.WordsWaitedDays, ("days", Whole(span.TotalDays)), ("hours", Whole(span.Hours)));
    }

    private static string Whole(double value) => ((int)value).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A choice the patient picked, in the default language's choices.yaml words ("Mother or father" for `parent`);
    /// an id the content no longer has is shown as words made from the id.
    /// </summary>
    public string Choice(string setId, string choiceId) =>
        content.Default.Choices(setId).Choices.FirstOrDefault(c => c.Id == choiceId)?.Label ?? CardText.Label(choiceId);

    /// <summary>A display name's first word, or "A colleague" when Teams gave none.</summary>
    /// <summary>The team's language (staff wording is always the default language's).</summary>
    public string Culture => content.Default.Culture;

    public string Actor(string? displayName) => CardText.FirstName(displayName) is { Length: > 0 } name ? name : Get(StaffMessageKeys.WordsColleague);
}
