using System.Globalization;

namespace SecondOpinionBot.Content;

/// <summary>One validated <see cref="ContentCatalog"/> per language folder, with fallback to the default language.</summary>
public sealed class ContentCatalogs
{
    private readonly IReadOnlyDictionary<string, ContentCatalog> _byCulture;

    public ContentCatalogs(IReadOnlyDictionary<string, ContentCatalog> byCulture, string defaultCulture)
    {
        ArgumentNullException.ThrowIfNull(byCulture);
        _byCulture = byCulture;
        Default = byCulture.TryGetValue(defaultCulture, out var catalog)
            ? catalog
            : throw new ContentValidationException($"No content folder for the default language `{defaultCulture}`.");
    }

    public ContentCatalog Default { get; }

    public IEnumerable<string> Cultures => _byCulture.Keys;

    public IEnumerable<ContentCatalog> All => _byCulture.Values;

    /// <summary>
    /// Loads every language folder under <paramref name="dialogsDirectory"/>; all must be valid. The default language
    /// comes first: every other folder is a translation of it and must define the same keys, ids and placeholders.
    /// </summary>
    public static ContentCatalogs Load(string dialogsDirectory, string defaultCulture, IEnumerable<IContentCheck>? featureChecks = null)
    {
        var checks = featureChecks?.ToList() ?? [];
        var errors = new List<ContentError>();
        var catalogs = new Dictionary<string, ContentCatalog>(StringComparer.OrdinalIgnoreCase);
        var folders = Directory.EnumerateDirectories(dialogsDirectory)
            .OrderBy(f => string.Equals(Path.GetFileName(f), defaultCulture, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal);
        ContentCatalog? defaultLanguage = null;
        foreach (var folder in folders)
        {
            var culture = Path.GetFileName(folder);
            var isDefault = string.Equals(culture, defaultCulture, StringComparison.OrdinalIgnoreCase);
            if (!isDefault && defaultLanguage is null)
            {
                // The default language has errors of its own (reported): a translation cannot be compared with it.
                break;
            }

            try
            {
                var catalog = ContentCatalog.Load(dialogsDirectory, culture, isDefault ? null : defaultLanguage, checks);
                catalogs[culture] = catalog;
                defaultLanguage ??= isDefault ? catalog : null;
            }
            catch (ContentValidationException ex)
            {
                errors.AddRange(ex.Errors.Count > 0 ? ex.Errors : [new ContentError(folder, 0, ex.Message)]);
            }
        }

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        return new ContentCatalogs(catalogs, defaultCulture);
    }

    /// <summary>"en-US" → en-US folder, else "en", else the default language.</summary>
    public ContentCatalog For(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            return Default;
        }

        if (_byCulture.TryGetValue(culture, out var exact))
        {
            return exact;
        }

        var neutral = culture.Split('-', '_')[0];
        return _byCulture.TryGetValue(neutral, out var language) ? language : Default;
    }

    public ContentCatalog For(CultureInfo culture) => For(culture?.Name);

    /// <summary>The language folder for <paramref name="culture"/> ("es-MX" → es), or null when there is none (no fallback).</summary>
    public ContentCatalog? Find(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            return null;
        }

        return _byCulture.TryGetValue(culture, out var exact) ? exact
            : _byCulture.TryGetValue(culture.Split('-', '_')[0], out var language) ? language
            : null;
    }
}
