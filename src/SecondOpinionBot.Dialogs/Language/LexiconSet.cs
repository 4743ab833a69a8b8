namespace SecondOpinionBot.Dialogs.Language;

/// <summary>The lexicons of every supported language; picks the one for an activity's locale.</summary>
public sealed class LexiconSet
{
    private readonly Dictionary<string, Lexicon> _byCulture;
    private readonly Lexicon _default;

    public LexiconSet(IEnumerable<Lexicon> lexicons, string defaultCulture)
    {
        _byCulture = lexicons.ToDictionary(l => l.Culture, StringComparer.OrdinalIgnoreCase);
        _default = _byCulture.GetValueOrDefault(defaultCulture)
            ?? throw new ArgumentException($"No lexicon for the default culture '{defaultCulture}'.", nameof(defaultCulture));
    }

    /// <summary>Exact locale ("en-GB"), then its language ("en"), then the default.</summary>
    public Lexicon For(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return _default;
        }

        var language = locale.Split('-', '_')[0];
        return _byCulture.GetValueOrDefault(locale) ?? _byCulture.GetValueOrDefault(language) ?? _default;
    }
}
