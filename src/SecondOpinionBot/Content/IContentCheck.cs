namespace SecondOpinionBot.Content;

/// <summary>
/// A check a higher feature adds to content validation, for rules only that feature can judge (Safety compiles the
/// emergency phrases exactly as its recognizer will). Content owns the interface so it never depends on the feature;
/// every registered check runs on every language while the content loads, so a failure stops startup with its file.
/// </summary>
public interface IContentCheck
{
    /// <summary>What is wrong with <paramref name="content"/>, each problem with its file and, when known, its line.</summary>
    IEnumerable<ContentError> Check(ContentCatalog content);
}
