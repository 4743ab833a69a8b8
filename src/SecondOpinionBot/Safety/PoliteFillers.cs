namespace SecondOpinionBot.Safety;

/// <summary>
/// Polite words around a command ("please", "por favor", "can you"), taken off either end of a message so that
/// only the command itself is compared. Fillers are word lists, longest first, so "thank you" goes before "you".
/// </summary>
internal static class PoliteFillers
{
    /// <summary>The message as typed, then each shorter form once another round of fillers is off its ends.</summary>
    public static IEnumerable<string[]> Trimmings(IReadOnlyList<string> words, IReadOnlyList<string[]> fillers)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(fillers);
        var start = 0;
        var end = words.Count;
        yield return [.. words];
        var changed = true;
        while (changed && start < end)
        {
            changed = false;
            foreach (var filler in fillers)
            {
                if (filler.Length <= end - start && IsAt(words, start, filler))
                {
                    start += filler.Length;
                    changed = true;
                }
                else if (filler.Length <= end - start && IsAt(words, end - filler.Length, filler))
                {
                    end -= filler.Length;
                    changed = true;
                }
            }

            if (changed)
            {
                yield return Slice(words, start, end);
            }
        }
    }

    /// <summary>What is left once no filler is left at either end.</summary>
    public static string[] Stripped(IReadOnlyList<string> words, IReadOnlyList<string[]> fillers) => Trimmings(words, fillers).Last();

    // Index loops rather than Skip/Take/SequenceEqual: this runs for every message, once per filler per round.
    private static bool IsAt(IReadOnlyList<string> words, int at, string[] filler)
    {
        for (var i = 0; i < filler.Length; i++)
        {
            if (!string.Equals(words[at + i], filler[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] Slice(IReadOnlyList<string> words, int start, int end)
    {
        var slice = new string[end - start];
        for (var i = 0; i < slice.Length; i++)
        {
            slice[i] = words[start + i];
        }

        return slice;
    }
}
