namespace SecondOpinionBot.Safety;

/// <summary>
/// Typo-tolerant word comparison for emergency phrases: "pian" ≈ "pain", "breath" ≈ "breathe", "suicidel" ≈ "suicidal".
/// Short words must match exactly (or be a swap of two letters) so "can" never reads as "cant"; the first letter must
/// agree, so "cooking" is not "choking" and "painted" is not "fainted".
/// </summary>
internal static class FuzzyWord
{
    /// <param name="standalone">
    /// The word is a whole phrase on its own ("overdose", "suicidal"): no neighbouring words confirm it, so only one
    /// typo in a long word that starts the same is allowed ("overdue" must not read as "overdose").
    /// </param>
    public static bool Matches(string expected, string actual, bool standalone = false)
    {
        if (expected == actual)
        {
            return true;
        }

        if (expected.Any(char.IsDigit) || actual.Any(char.IsDigit))
        {
            return false;
        }

        if (CollapseRepeats(expected) == CollapseRepeats(actual))
        {
            return true; // "kil" for "kill", "bleeeding" for "bleeding"
        }

        if (IsSwap(expected, actual))
        {
            return expected.Length >= 4;
        }

        // Alone, a word must also start with the same two letters ("cooking" is not "choking").
        var sameStart = standalone ? 2 : 1;
        if (actual.Length < sameStart || !expected.AsSpan(0, sameStart).SequenceEqual(actual.AsSpan(0, sameStart)))
        {
            return false;
        }

        var allowed = (expected.Length, standalone) switch
        {
            ( <= 4, _) => 0,
            ( < 7, true) => 0,
            (_, true) => 1,
            ( <= 7, false) => 1,
            _ => 2,
        };
        return allowed > 0
            && Math.Abs(expected.Length - actual.Length) <= allowed
            && Distance(expected, actual) <= allowed;
    }

    private static string CollapseRepeats(string word)
    {
        var chars = new List<char>(word.Length);
        foreach (var ch in word)
        {
            if (chars.Count == 0 || chars[^1] != ch)
            {
                chars.Add(ch);
            }
        }

        return new string([.. chars]);
    }

    private static bool IsSwap(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var diffs = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return diffs.Count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]];
    }

    /// <summary>Optimal string alignment distance: insert, delete, substitute, swap neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
