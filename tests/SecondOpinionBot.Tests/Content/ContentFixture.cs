using SecondOpinionBot.Content;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.Tests.Content;

/// <summary>The real dialogs/ folder, and throw-away copies of it that a test may break on purpose.</summary>
internal static class ContentFixture
{
    public static string DialogsDirectory { get; } = ContentDirectory.Resolve(null, AppContext.BaseDirectory);

    /// <summary>The checks other features add to content validation in the host (AddSafety's emergency phrases).</summary>
    public static IReadOnlyList<IContentCheck> FeatureChecks { get; } = [new EmergencyPhrasesCheck()];

    private static readonly Lazy<ContentCatalogs> LazyCatalogs = new(() => ContentCatalogs.Load(DialogsDirectory, "en", FeatureChecks));

    public static ContentCatalogs Catalogs => LazyCatalogs.Value;

    public static ContentCatalog English => Catalogs.Default;
}

/// <summary>A temp copy of dialogs/en (or of the languages named) that one test edits; deleted afterwards.</summary>
internal sealed class ContentCopy : IDisposable
{
    public ContentCopy()
        : this("en")
    {
    }

    public ContentCopy(params string[] cultures)
    {
        Root = Path.Combine(Path.GetTempPath(), "so-content-" + Guid.NewGuid().ToString("N"));
        foreach (var culture in cultures)
        {
            var source = Path.Combine(ContentFixture.DialogsDirectory, culture);
            Directory.CreateDirectory(Path.Combine(Root, culture));
            foreach (var file in Directory.EnumerateFiles(source))
            {
                File.Copy(file, Path.Combine(Root, culture, Path.GetFileName(file)));
            }
        }
    }

    public string Root { get; }

    public string PathOf(string file, string culture = "en") => Path.Combine(Root, culture, file);

    public void Write(string file, string text, string culture = "en") => File.WriteAllText(PathOf(file, culture), text);

    /// <summary>Replaces one exact piece of a file, failing loudly if the piece is not there (keeps tests honest).</summary>
    public void Replace(string file, string oldText, string newText, string culture = "en")
    {
        var text = File.ReadAllText(PathOf(file, culture));
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(PathOf(file, culture), text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>1-based line of the first occurrence, to check error lines against the file itself.</summary>
    public int LineOf(string file, string text, string culture = "en")
    {
        var lines = File.ReadAllLines(PathOf(file, culture));
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' not found in {file}");
        return index + 1;
    }

    public ContentValidationException LoadFails() =>
        Assert.Throws<ContentValidationException>(() => ContentCatalog.Load(Root, "en", featureChecks: ContentFixture.FeatureChecks));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
