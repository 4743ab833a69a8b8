using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SecondOpinionBot.PrepSheets;

/// <summary>
/// Link tokens: 256 random bits, URL-safe base64 (43 characters). Only the SHA-256 of a token is stored, so the
/// database alone cannot open a sheet.
/// </summary>
public static class PrepSheetToken
{
    private const int Bytes = 32;

    public static int Length { get; } = Base64Url.GetEncodedLength(Bytes);

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Cheap shape check, so junk never reaches the database.</summary>
    public static bool LooksValid(string? token) =>
        token is not null && token.Length == Length && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
