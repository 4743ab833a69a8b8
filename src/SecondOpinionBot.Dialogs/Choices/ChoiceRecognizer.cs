using System.Globalization;
using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Dialogs.Choices;

/// <summary>
/// Finds which choice(s) an answer means, in this order: exact value/title/synonym, a name said within the answer, an
/// ordinal ("the second one"), a number ("2"), then a partial title ("cardio"). Case-insensitive; ambiguous answers fail.
/// </summary>
public static class ChoiceRecognizer
{
    public static FoundChoice? RecognizeOne(string? answer, IReadOnlyList<Choice> choices, string recognizerCulture, TextNormalizer? normalizer = null)
    {
        normalizer ??= TextNormalizer.Plain;
        ArgumentNullException.ThrowIfNull(choices);
        return string.IsNullOrWhiteSpace(answer) ? null : RecognizeOne(answer, choices, NamesOf(choices, normalizer), recognizerCulture, normalizer);
    }

    /// <summary><see cref="RecognizeOne(string?, IReadOnlyList{Choice}, string, TextNormalizer?)"/> with each choice's names already read.</summary>
    private static FoundChoice? RecognizeOne(string answer, IReadOnlyList<Choice> choices, string[][] names, string recognizerCulture, TextNormalizer normalizer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        var text = PhraseMatcher.Normalize(answer, normalizer);
        if (text.Length == 0)
        {
            return null;
        }

        return Single(choices, names, n => n == text)
            ?? Single(choices, names, n => PhraseMatcher.ContainsNormalized(text, n))
            ?? ByOrdinal(text, choices, recognizerCulture)
            ?? ByNumber(text, choices, recognizerCulture)
            ?? (text.Length >= 3 ? Single(choices, names, n => n.Contains(text, StringComparison.Ordinal)) : null);
    }

    /// <summary>
    /// Only a choice said word for word (value, title or synonym; a trailing "?" aside) or its bare number: what a
    /// question-shaped message must be to count as an answer ("biopsy?" may pick a choice, "what does biopsy mean"
    /// may not).
    /// </summary>
    public static FoundChoice? RecognizeExact(string? answer, IReadOnlyList<Choice> choices, string recognizerCulture, TextNormalizer? normalizer = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        normalizer ??= TextNormalizer.Plain;
        var text = answer is null ? "" : PhraseMatcher.Normalize(answer, normalizer);
        if (text.Length == 0)
        {
            return null;
        }

        return Single(choices, NamesOf(choices, normalizer), n => n == text)
            ?? (text.Split(' ').Length == 1 ? ByNumber(text, choices, recognizerCulture) : null);
    }

    /// <summary>
    /// Several answers in one: a card's comma-separated values, or "1, 3 and pathology". Every part must be understood,
    /// so nothing the user said is silently dropped.
    /// </summary>
    public static IReadOnlyList<FoundChoice> RecognizeMany(string? answer, IReadOnlyList<Choice> choices, string recognizerCulture, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        if (string.IsNullOrWhiteSpace(answer))
        {
            return [];
        }

        var names = NamesOf(choices, lexicon.Normalizer);
        var parts = Split(answer, lexicon).ToList();
        if (parts.Count > 1 && !IsExactName(answer, names, lexicon.Normalizer))
        {
            var found = new List<FoundChoice>();
            foreach (var part in parts)
            {
                if (RecognizeOne(part, choices, names, recognizerCulture, lexicon.Normalizer) is not { } choice)
                {
                    found.Clear();
                    break;
                }

                if (!found.Contains(choice))
                {
                    found.Add(choice);
                }
            }

            if (found.Count > 0)
            {
                return found.OrderBy(c => c.Index).ToList();
            }
        }

        // One answer, or a title that itself contains a joiner ("scans and imaging").
        return RecognizeOne(answer, choices, names, recognizerCulture, lexicon.Normalizer) is { } one ? [one] : [];
    }

    /// <summary>Each choice's names (value, title, synonyms) as the normalizer reads them, read once per answer.</summary>
    private static string[][] NamesOf(IReadOnlyList<Choice> choices, TextNormalizer normalizer)
    {
        var names = new string[choices.Count][];
        for (var i = 0; i < choices.Count; i++)
        {
            names[i] = choices[i].Names().Select(n => PhraseMatcher.Normalize(n, normalizer)).ToArray();
        }

        return names;
    }

    private static bool IsExactName(string answer, string[][] names, TextNormalizer normalizer)
    {
        var text = PhraseMatcher.Normalize(answer, normalizer);
        return names.Any(n => n.Contains(text, StringComparer.Ordinal));
    }

    /// <summary>Commas and semicolons always separate; so do the lexicon's joiner words ("and").</summary>
    private static IEnumerable<string> Split(string answer, Lexicon lexicon)
    {
        var joiners = lexicon.ListJoiners.Select(j => PhraseMatcher.NormalizePhrase(j, lexicon.Normalizer)).ToHashSet(StringComparer.Ordinal);
        foreach (var piece in answer.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var current = new List<string>();
            foreach (var word in PhraseMatcher.Normalize(piece, lexicon.Normalizer).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!joiners.Contains(word))
                {
                    current.Add(word);
                }
                else if (current.Count > 0)
                {
                    yield return string.Join(' ', current);
                    current.Clear();
                }
            }

            if (current.Count > 0)
            {
                yield return string.Join(' ', current);
            }
        }
    }

    /// <summary>The one choice one of whose names matches; null when none or several do.</summary>
    private static FoundChoice? Single(IReadOnlyList<Choice> choices, string[][] names, Func<string, bool> matches)
    {
        var hit = -1;
        for (var i = 0; i < choices.Count; i++)
        {
            if (Array.Exists(names[i], n => matches(n)))
            {
                if (hit >= 0)
                {
                    return null;
                }

                hit = i;
            }
        }

        return hit >= 0 ? new FoundChoice(choices[hit].Value, hit) : null;
    }

    private static FoundChoice? ByOrdinal(string text, IReadOnlyList<Choice> choices, string culture)
    {
        var ordinals = RecognizerModels.Ordinal(text, culture);
        if (ordinals.Count != 1
            || ordinals[0].Resolution.GetValueOrDefault("offset") is not string offsetText
            || !int.TryParse(offsetText, CultureInfo.InvariantCulture, out var offset))
        {
            return null;
        }

        var fromEnd = ordinals[0].Resolution.GetValueOrDefault("relativeTo") is "end";
        return At(choices, fromEnd ? choices.Count - 1 + offset : offset - 1);
    }

    /// <summary>A bare number ("2", "number 2") picks by position; a number inside a sentence does not.</summary>
    private static FoundChoice? ByNumber(string text, IReadOnlyList<Choice> choices, string culture)
    {
        var numbers = RecognizerModels.Number(text, culture);
        if (numbers.Count != 1 || text.Split(' ').Length > 2
            || numbers[0].Resolution.GetValueOrDefault("value") is not string value
            || !int.TryParse(value, CultureInfo.InvariantCulture, out var position))
        {
            return null;
        }

        return At(choices, position - 1);
    }

    private static FoundChoice? At(IReadOnlyList<Choice> choices, int index)
        => index >= 0 && index < choices.Count ? new FoundChoice(choices[index].Value, index) : null;
}
