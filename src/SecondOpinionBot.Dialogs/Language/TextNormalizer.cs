using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SecondOpinionBot.Dialogs.Language;

/// <summary>
/// The one way the bot reads words, for yes/no, choices, commands, the glossary and the emergency check alike:
/// lower case, accents and apostrophes dropped ("can't", "can’t" and "cant" are one word), other punctuation a clause
/// break, then the language's spellings applied ("isnt" → "is not", "im" → "i am", "dont no" → "do not know").
/// Content phrases go through the same steps, so a phrase written "can't breathe" matches "cant breath" typed.
/// </summary>
public sealed class TextNormalizer
{
    /// <summary>Token standing for a clause break (comma, full stop, new line, ...).</summary>
    public const string Break = "|";

    private readonly Dictionary<string, string[]> _single = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), string[]> _pairs = [];

    // Words matched as typed, before apostrophes and case are dropped ("od'd" is not "odd"; "ODd" is not "odd").
    private readonly Dictionary<string, string[]> _asTypedExactCase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _asTypedAnyCase = new(StringComparer.Ordinal);

    // Content phrases (answer words, choice-set synonyms, situation keywords) are read the same way on every turn that
    // compares against them; each is read once. Only content goes in, never what a user typed: that is health
    // information and is not kept. The cap only guards against a caller passing user text by mistake.
    private const int MaxPhrases = 20_000;
    private readonly ConcurrentDictionary<string, string[]> _phraseTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _phraseWords = new(StringComparer.Ordinal);

    /// <param name="spellings">
    /// What people type → what it means, one or two words on the left ("isnt" → "is not", "dont no" → "do not know").
    /// A single word written with an apostrophe or a capital letter ("od'd", "ODd") is matched as typed, before
    /// apostrophes (and, with a capital, case) are dropped, so it never changes an ordinary word ("odd").
    /// </param>
    public TextNormalizer(IEnumerable<KeyValuePair<string, string>> spellings)
    {
        ArgumentNullException.ThrowIfNull(spellings);
        foreach (var (typed, meant) in spellings)
        {
            var to = Basic(meant, null).Where(t => t != Break).ToArray();
            if (to.Length == 0)
            {
                continue;
            }

            if (IsAsTyped(typed))
            {
                var key = SameApostrophe(typed.Trim());
                if (key.Any(char.IsUpper))
                {
                    _asTypedExactCase.TryAdd(key, to);
                }
                else
                {
                    _asTypedAnyCase.TryAdd(key, to);
                }

                continue;
            }

            var from = Basic(typed, null).Where(t => t != Break).ToArray();

            switch (from.Length)
            {
                case 1:
                    _single.TryAdd(from[0], to);
                    break;
                case 2:
                    _pairs.TryAdd((from[0], from[1]), to);
                    break;
            }
        }
    }

    /// <summary>No spellings: case, accents and punctuation only.</summary>
    public static TextNormalizer Plain { get; } = new([]);

    /// <summary>The words of <paramref name="text"/>, with <see cref="Break"/> between clauses; never two breaks in a row.</summary>
    public IReadOnlyList<string> Tokens(string? text)
    {
        var basic = Basic(text, _asTypedExactCase.Count + _asTypedAnyCase.Count == 0 ? null : AsTyped);
        if (_single.Count == 0 && _pairs.Count == 0)
        {
            return basic;
        }

        var tokens = new List<string>(basic.Count + 4);
        for (var i = 0; i < basic.Count; i++)
        {
            if (i + 1 < basic.Count && _pairs.TryGetValue((basic[i], basic[i + 1]), out var pair))
            {
                tokens.AddRange(pair);
                i++;
            }
            else if (_single.TryGetValue(basic[i], out var single))
            {
                tokens.AddRange(single);
            }
            else
            {
                tokens.Add(basic[i]);
            }
        }

        return tokens;
    }

    /// <summary>Words only, clause breaks removed, one space between: for comparing whole short answers.</summary>
    public string Words(string? text) => string.Join(' ', Tokens(text).Where(t => t != Break));

    /// <summary><see cref="Tokens"/> of a content phrase (never user text), read once and kept.</summary>
    public IReadOnlyList<string> PhraseTokens(string phrase) => Kept(_phraseTokens, phrase, p => Tokens(p).ToArray());

    /// <summary><see cref="Words"/> of a content phrase (never user text), read once and kept.</summary>
    public string PhraseWords(string phrase) => Kept(_phraseWords, phrase, Words);

    private static TRead Kept<TRead>(ConcurrentDictionary<string, TRead> kept, string phrase, Func<string, TRead> read)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (kept.TryGetValue(phrase, out var known))
        {
            return known;
        }

        var value = read(phrase);
        if (kept.Count < MaxPhrases)
        {
            kept.TryAdd(phrase, value);
        }

        return value;
    }

    /// <summary>True when <paramref name="phrase"/>'s words occur next to each other in <paramref name="text"/>.</summary>
    public bool ContainsPhrase(string? text, string? phrase)
    {
        var words = Words(phrase);
        return words.Length > 0 && $" {Words(text)} ".Contains($" {words} ", StringComparison.Ordinal);
    }

    private static bool IsAsTyped(string typed) =>
        !typed.Trim().Contains(' ', StringComparison.Ordinal) && typed.Any(ch => ch is '\'' or '\u2019' or '\u2018' || char.IsUpper(ch));

    private static string SameApostrophe(string word) => word.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'');

    private string[]? AsTyped(string raw)
    {
        var word = SameApostrophe(raw);
        return _asTypedExactCase.TryGetValue(word, out var exact) ? exact
            : _asTypedAnyCase.TryGetValue(word.ToLowerInvariant(), out var any) ? any
            : null;
    }

    private static List<string> Basic(string? text, Func<string, string[]?>? asTyped)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var word = new StringBuilder();
        var raw = new StringBuilder();
        void EndWord()
        {
            if (word.Length > 0)
            {
                if (asTyped?.Invoke(raw.ToString()) is { } meant)
                {
                    tokens.AddRange(meant);
                }
                else
                {
                    tokens.Add(word.ToString());
                }

                word.Clear();
            }

            raw.Clear();
        }

        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark
                || ch is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4')
            {
                if (word.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                {
                    raw.Append(ch);
                }

                continue; // accents, and apostrophes so "can't" is "cant"
            }

            if (char.IsLetterOrDigit(ch) || ch == '@')
            {
                word.Append(char.ToLowerInvariant(ch));
                raw.Append(ch);
            }
            else if (char.IsWhiteSpace(ch) || ch is '-' or '/' or '_' or '+' or '&')
            {
                EndWord();
            }
            else
            {
                EndWord();
                if (tokens.Count > 0 && tokens[^1] != Break)
                {
                    tokens.Add(Break);
                }
            }
        }

        EndWord();
        if (tokens.Count > 0 && tokens[^1] == Break)
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return tokens;
    }
}
