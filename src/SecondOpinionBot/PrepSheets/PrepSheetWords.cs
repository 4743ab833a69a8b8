using Microsoft.Extensions.Options;
using SecondOpinionBot.Content;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.PrepSheets;

/// <summary>Words stored <see cref="PrepSheetAnswers"/> as a <see cref="PrepSheet"/>, from the content of the answers' language.</summary>
public sealed class PrepSheetWords
{
    private readonly Func<string, (PrepSheetWording Wording, ChoiceCatalog Catalog)> _wordsFor;

    public PrepSheetWords(ContentCatalogs content, IOptions<EmergencyOptions> emergency)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(emergency);
        _wordsFor = language =>
        {
            var catalog = content.For(language);
            return (catalog.PrepSheetWording(emergency.Value.Number), catalog.ChoiceCatalog());
        };
    }

    private PrepSheetWords(Func<string, (PrepSheetWording, ChoiceCatalog)> wordsFor) => _wordsFor = wordsFor;

    /// <summary>The same wording whatever the language (tests, and callers that already hold it).</summary>
    public static PrepSheetWords Fixed(PrepSheetWording wording, ChoiceCatalog catalog) => new(_ => (wording, catalog));

    public PrepSheet Render(PrepSheetAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (wording, catalog) = _wordsFor(answers.Language);
        return PrepSheetBuilder.Build(answers, wording, catalog);
    }
}
