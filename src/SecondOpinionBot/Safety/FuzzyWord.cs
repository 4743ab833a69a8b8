namespace SecondOpinionBot.Safety;

/// <summary>
/// Typo-tolerant word comparison for emergency phrases: "pian" ≈ "pain", "breath" ≈ "breathe", "suicidel" ≈ "suicidal".
/// Short words must match exactly (or be a swap of two letters) so "can" never reads as "cant"; the first letter must
/// agree, so "cooking" is not "choking" and "painted" is not "fainted".
/// Runs for every word of every message against every phrase, so it does not allocate.
/// </summary>
internal static class FuzzyWord
{
    /// <summary>
    /// The set of characters in a word as bits (a–z one bit each, anything else folded into the last six), so a word
    /// can be ruled out before any comparison: see <see cref="MayMatch"/>.
    /// </summary>
    public static uint Letters(string word)
    {
        var letters = 0u;
        foreach (var ch in word)
        {
            letters |= 1u << (ch is >= 'a' and <= 'z' ? ch - 'a' : 26 + (ch % 6));
        }

        return letters;
    }

    /// <summary>
    /// False when two words cannot <see cref="Matches"/>, from their <see cref="Letters"/> alone. Every way they may match
    /// (the same, repeats collapsed, two letters swapped, up to two edits) leaves at most four characters in one word and
    /// not the other (an edit adds or removes at most two), and folding characters onto shared bits only hides
    /// differences; so this never rules out a match, and it rules out most of the phrase words a typed word is
    /// compared with (the check runs for every word of every message, pasted histories included).
    /// </summary>
    public static bool MayMatch(uint expected, uint actual) => System.Numerics.BitOperations.PopCount(expected ^ actual) <= 4;

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

        if (expected.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || actual.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            return false;
        }

        if (SameWithoutRepeats(expected, actual))
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

    /// <summary>Equal once runs of the same letter are collapsed to one.</summary>
    private static bool SameWithoutRepeats(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] != b[j])
            {
                return false;
            }

            var ch = a[i];
            while (i < a.Length && a[i] == ch)
            {
                i++;
            }

            while (j < b.Length && b[j] == ch)
            {
                j++;
            }
        }

        return i == a.Length && j == b.Length;
    }

    private static bool IsSwap(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var first = -1;
        var diffs = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && ++diffs == 1)
            {
                first = i;
            }
        }

        return diffs == 2 && first + 1 < a.Length && a[first + 1] != b[first + 1]
            && a[first] == b[first + 1] && a[first + 1] == b[first];
    }

    /// <summary>Optimal string alignment distance: insert, delete, substitute, swap neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var width = b.Length + 1;
        var size = (a.Length + 1) * width;
        Span<int> d = size <= 1024 ? stackalloc int[size] : new int[size];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i * width] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[((i - 1) * width) + j] + 1, d[(i * width) + j - 1] + 1), d[((i - 1) * width) + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[((i - 2) * width) + j - 2] + 1);
                }

                d[(i * width) + j] = best;
            }
        }

        return d[size - 1];
    }
}
