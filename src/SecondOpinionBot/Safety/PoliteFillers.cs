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
                if (filler.Length <= end - start && words.Skip(start).Take(filler.Length).SequenceEqual(filler))
                {
                    start += filler.Length;
                    changed = true;
                }
                else if (filler.Length <= end - start && words.Skip(end - filler.Length).Take(filler.Length).SequenceEqual(filler))
                {
                    end -= filler.Length;
                    changed = true;
                }
            }

            if (changed)
            {
                yield return [.. words.Skip(start).Take(end - start)];
            }
        }
    }

    /// <summary>What is left once no filler is left at either end.</summary>
    public static string[] Stripped(IReadOnlyList<string> words, IReadOnlyList<string[]> fillers) => Trimmings(words, fillers).Last();
}
