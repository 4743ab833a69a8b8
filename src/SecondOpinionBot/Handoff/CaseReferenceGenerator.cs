using System.Security.Cryptography;

namespace SecondOpinionBot.Handoff;

/// <summary>Short references that are easy to read aloud: no 0/O, 1/I/L.</summary>
public static class CaseReferenceGenerator
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string Next() => "SO-" + RandomNumberGenerator.GetString(Alphabet, 4);

    public static bool LooksLikeReference(string? text) =>
        text is { Length: 7 } && text.StartsWith("SO-", StringComparison.OrdinalIgnoreCase)
        && text[3..].All(c => Alphabet.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal));
}
