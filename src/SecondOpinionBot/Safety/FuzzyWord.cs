namespace SecondOpinionBot.Safety;

/// <summary>
/// Typo-tolerant word comparison for emergency phrases: "pian" ≈ "pain", "breath" ≈ "breathe", "suicidel" ≈ "suicidal".
/// Short words must match exactly (or be a swap of two letters) so "can" never reads as "cant".
/// </summary>
internal static class FuzzyWord
{
    public static bool Matches(string expected, string actual)
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

        var allowed = expected.Length switch
        {
            <= 3 => 0,
            4 => IsSwap(expected, actual) ? 1 : 0,
            <= 7 => 1,
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
