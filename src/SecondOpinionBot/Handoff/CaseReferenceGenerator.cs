using System.Security.Cryptography;

namespace SecondOpinionBot.Handoff;

/// <summary>Short references that are easy to read aloud: no 0/O, 1/I/L.</summary>
public static class CaseReferenceGenerator
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string Next() => "SO-" + RandomNumberGenerator.GetString(Alphabet, 4);
}
