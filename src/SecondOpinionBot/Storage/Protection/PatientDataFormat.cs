using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// How a protected value is stored: a prefix naming the format, then base64 of nonce (12 bytes), GCM tag (16) and the
/// ciphertext.
/// <list type="bullet">
/// <item><c>pd2:</c> (written now) the plaintext is UTF-8, Brotli-compressed first (at the caller's
/// <see cref="PatientDataCompression"/>) when that makes it smaller (one flag
/// byte says which; compressed, the next four give its length); the associated data is the prefix and the subject, so a
/// value cannot be passed off as the other format. Patient content is JSON with repeated names: about half its size.</item>
/// <item><c>pd1:</c> (written until the compression came in; still read) the plaintext is UTF-8 as it is, the associated
/// data the subject. Rows in it are rewritten as <c>pd2:</c> by their next write; nothing needs converting.</item>
/// </list>
/// Compression before encryption leaks content through length only to someone who can both inject text into a value
/// and watch its stored size many times over; stored values are written by the patient's own answers and read by
/// nobody without the database, so the size is worth more here than that.
/// </summary>
public static class PatientDataFormat
{
    public const string Current = "pd2:";
    public const string Uncompressed = "pd1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const byte Plain = 0;
    private const byte Brotli = 1;
    private const int MaxPlaintextBytes = 64 * 1024 * 1024;

    /// <summary>Whether a stored value is in one of the encrypted formats (else it is plaintext from before encryption at rest).</summary>
    public static bool IsSealed(string stored) =>
        stored.StartsWith(Current, StringComparison.Ordinal) || stored.StartsWith(Uncompressed, StringComparison.Ordinal);

    public static string Seal(byte[] key, string subject, string plaintext, PatientDataCompression compression)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var body = Pack(clear, compression);
        CryptographicOperations.ZeroMemory(clear);
        var output = new byte[NonceBytes + TagBytes + body.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Encrypt(nonce, body, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes), AssociatedData(Current, subject));
        }

        CryptographicOperations.ZeroMemory(body);
        return Current + Convert.ToBase64String(output);
    }

    /// <summary>The plaintext, or null when the value does not open with this key and subject (or is damaged).</summary>
    public static string? Open(byte[] key, string subject, string stored)
    {
        var format = stored.StartsWith(Current, StringComparison.Ordinal) ? Current : Uncompressed;
        byte[] input;
        try
        {
            input = Convert.FromBase64String(stored[format.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }

        if (input.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var body = new byte[input.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            var associated = format == Current ? AssociatedData(Current, subject) : Encoding.UTF8.GetBytes(subject);
            aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes + TagBytes), input.AsSpan(NonceBytes, TagBytes), body, associated);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        try
        {
            return format == Current ? Unpack(body) : Encoding.UTF8.GetString(body);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(body);
        }
    }

    private static byte[] AssociatedData(string format, string subject) => Encoding.UTF8.GetBytes(format + subject);

    private static byte[] Pack(byte[] clear, PatientDataCompression compression)
    {
        var compress = compression.Applies(clear.Length);
        var compressed = compress ? new byte[BrotliEncoder.GetMaxCompressedLength(clear.Length)] : [];
        if (compress && BrotliEncoder.TryCompress(clear, compressed, out var written, compression.Quality, compression.Window) && written + 4 < clear.Length)
        {
            var packed = new byte[1 + 4 + written];
            packed[0] = Brotli;
            BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(1, 4), clear.Length);
            compressed.AsSpan(0, written).CopyTo(packed.AsSpan(5));
            return packed;
        }

        var plain = new byte[1 + clear.Length];
        plain[0] = Plain;
        clear.CopyTo(plain.AsSpan(1));
        return plain;
    }

    private static string? Unpack(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        if (body[0] == Plain)
        {
            return Encoding.UTF8.GetString(body.AsSpan(1));
        }

        if (body[0] != Brotli || body.Length < 5)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(1, 4));
        if (length is < 0 or > MaxPlaintextBytes)
        {
            return null;
        }

        var clear = new byte[length];
        try
        {
            return BrotliDecoder.TryDecompress(body.AsSpan(5), clear, out var written) && written == length
                ? Encoding.UTF8.GetString(clear)
                : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }
}
