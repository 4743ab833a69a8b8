using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Safety;

/// <summary>
/// Reads the words around a matched phrase: a negation right before it, a worry or question cue a few words before
/// it, or a clause placed in the past. Each rule is narrow on purpose; when in doubt the phrase fires.
/// </summary>
internal sealed class EmergencyContext(IReadOnlyList<string> tokens, EmergencyPhraseSet set)
{
    /// <summary>How far before a phrase a worry or question cue still counts ("risk of having a stroke").</summary>
    private const int NotNowReach = 4;

    /// <summary>How far before a self-harm phrase a "not" still softens it ("I'm not going to hurt myself").</summary>
    private const int SelfHarmNegationReach = 3;

    private readonly EmergencyContextWords _words = set.Context;

    // The language's grammar words (emergency.yaml `grammar`): "but" / "pero", "in 2019" / "en 2019", "not" / "nunca".
    private HashSet<string> ClauseEnds => _words.ClauseBreaks;

    private HashSet<string> YearIntros => _words.YearIntros;

    private HashSet<string> OrJoiners => _words.OrJoiners;

    private HashSet<string> SelfHarmNegations => _words.SelfHarmNegations;

    /// <summary>The match lies inside a phrase that is not an emergency ("food poisoning", "seizure medication").</summary>
    public bool IsNotEmergency(EmergencyMatch match)
    {
        foreach (var run in _words.NotEmergency)
        {
            for (var start = Math.Max(0, match.Start - run.Length + 1); start <= match.End && start + run.Length <= tokens.Count; start++)
            {
                if (RunAt(run, start))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Null when the medical phrase is not negated; otherwise whether the negation was a report-style list cue, whose
    /// negation carries on over commas and "and" ("denies chest pain, shortness of breath and fever").
    /// </summary>
    public bool? MedicalNegation(EmergencyMatch match, IReadOnlyList<(int End, bool ListCue)> negatedEnds)
    {
        var before = SkipBack(match.Start - 1, alsoAny: true);
        if (before < 0)
        {
            return null;
        }

        var previous = SkipBack(before - 1, alsoAny: false);
        foreach (var (end, listCue) in negatedEnds)
        {
            if (end == previous && (OrJoiners.Contains(tokens[before]) || (listCue && (tokens[before] == TextNormalizer.Break || _words.ListJoiners.Contains(tokens[before])))))
            {
                return listCue;
            }
        }

        if (_words.ListNegationCues.Any(cue => EndsAt(cue, before)))
        {
            return true;
        }

        return _words.NegationCues.Any(cue => EndsAt(cue, before)) ? false : null;
    }

    /// <summary>A worry, question or report cue just before the phrase, or a clause placed in the past.</summary>
    /// <param name="lookInside">Also among the words the phrase skipped; not for self-harm, whose phrases say "if" themselves.</param>
    public bool IsNotNow(EmergencyMatch match, bool lookInside = true)
    {
        var (clauseStart, clauseEnd) = Clause(match);
        var reach = Math.Max(clauseStart, match.Start - NotNowReach);
        // Before the phrase, or among the words it skipped ("is a family history of stroke").
        for (var end = lookInside ? match.End - 1 : match.Start - 1; end >= reach; end--)
        {
            if (_words.NotNowCues.Any(cue => EndsAt(cue, end) && end - cue.Length + 1 >= clauseStart && (end < match.Start || end - cue.Length + 1 > match.Start)))
            {
                return true;
            }
        }

        return InClause(_words.HistoryMarkers, clauseStart, clauseEnd, match, countYears: true)
            && !InClause(_words.NowMarkers, clauseStart, clauseEnd, match, countYears: false);
    }

    /// <summary>
    /// "Hurt myself" said with how it happened by accident ("I fell and hurt myself", "at the gym") and no word of
    /// intent or repetition ("on purpose", "want to", "again"): an injury, not self-harm.
    /// </summary>
    public bool IsAccident(EmergencyMatch match)
    {
        if (match.Pattern.Category != Content.EmergencyPhrases.AccidentCategory)
        {
            return false;
        }

        var (clauseStart, clauseEnd) = Clause(match);
        return InClause(_words.AccidentMarkers, clauseStart, clauseEnd, match, countYears: false)
            && !InClause(_words.IntentMarkers, clauseStart, clauseEnd, match, countYears: false);
    }

    /// <summary>Self-harm that is negated ("I'm not suicidal"), a worry about it, or in the past: a gentle note.</summary>
    public bool IsSelfHarmSoftened(EmergencyMatch match)
    {
        var (clauseStart, _) = Clause(match);
        var seen = 0;
        for (var i = match.Start - 1; i >= clauseStart && seen < SelfHarmNegationReach; i--)
        {
            if (SelfHarmNegations.Contains(tokens[i]))
            {
                return true;
            }

            if (!set.Fillers.Contains(tokens[i]))
            {
                seen++;
            }
        }

        return IsNotNow(match, lookInside: false);
    }

    private (int Start, int End) Clause(EmergencyMatch match)
    {
        var start = match.Start;
        while (start > 0 && !ClauseEnds.Contains(tokens[start - 1]))
        {
            start--;
        }

        var end = match.End;
        while (end + 1 < tokens.Count && !ClauseEnds.Contains(tokens[end + 1]))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>A run anywhere in the clause outside the match itself (its own words are not its context).</summary>
    private bool InClause(IReadOnlyList<string[]> runs, int clauseStart, int clauseEnd, EmergencyMatch match, bool countYears)
    {
        for (var i = clauseStart; i <= clauseEnd; i++)
        {
            if (i >= match.Start && i <= match.End)
            {
                continue;
            }

            if (countYears && i > 0 && YearIntros.Contains(tokens[i - 1]) && IsYear(tokens[i]))
            {
                return true;
            }

            foreach (var run in runs)
            {
                if (i + run.Length - 1 <= clauseEnd && (i > match.End || i + run.Length - 1 < match.Start) && RunAt(run, i))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsYear(string token) =>
        token.Length == 4 && int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
        && year is >= 1900 and <= 2099;

    /// <summary>The index at or before <paramref name="index"/> that is not a filler (nor "any" / "ningún"), or -1.</summary>
    private int SkipBack(int index, bool alsoAny)
    {
        while (index >= 0 && (set.Fillers.Contains(tokens[index]) || (alsoAny && _words.AnyWords.Contains(tokens[index]))))
        {
            index--;
        }

        return index;
    }

    private bool EndsAt(string[] run, int end)
    {
        var start = end - run.Length + 1;
        return start >= 0 && RunAt(run, start);
    }

    private bool RunAt(string[] run, int start)
    {
        if (start < 0 || start + run.Length > tokens.Count)
        {
            return false;
        }

        for (var i = 0; i < run.Length; i++)
        {
            if (tokens[start + i] != run[i])
            {
                return false;
            }
        }

        return true;
    }
}
