using SecondOpinionBot.Content;
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

    /// <summary>A display name's first word, or "A colleague" when Teams gave none.</summary>
    /// <summary>The team's language (staff wording is always the default language's).</summary>
    public string Culture => content.Default.Culture;

    public string Actor(string? displayName) => CardText.FirstName(displayName) is { Length: > 0 } name ? name : Get(StaffMessageKeys.WordsColleague);
}
