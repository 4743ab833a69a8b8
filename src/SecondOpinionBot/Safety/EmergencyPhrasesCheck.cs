using SecondOpinionBot.Content;

namespace SecondOpinionBot.Safety;

/// <summary>
/// Compiles the emergency phrases as the recognizer will, while the content loads: an unknown {group}, an unclosed
/// bracket or a phrase with too many variants stops startup with emergency.yaml named, never a patient's turn.
/// </summary>
public sealed class EmergencyPhrasesCheck : IContentCheck
{
    public IEnumerable<ContentError> Check(ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = Path.Combine(content.Folder, ContentFiles.Emergency);
        var problems = new List<ContentError>();
        EmergencyPhraseSet.From(content, message => problems.Add(new ContentError(file, 0, message)));
        return problems;
    }
}
