using System.Buffers;

namespace SecondOpinionBot.Operations.Telemetry;

/// <summary>
/// Keeps metric tags and span attributes to short code-like values. A channel id or a reason comes from outside (in
/// local mode anyone can post any channel id), so anything that does not look like an identifier becomes "other":
/// no free text can reach telemetry through a tag, and a caller cannot explode the number of series.
/// </summary>
public static class TagValues
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_.:/");

    public static string Code(string? value, int maxLength = 40)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "none";
        }

        if (value.Length > maxLength)
        {
            return "other";
        }

        // Already lower case and safe: no allocation, the common case on the hot path.
        if (!value.AsSpan().ContainsAnyExcept(Allowed))
        {
            return value;
        }

        var lower = value.ToLowerInvariant();
        return lower.AsSpan().ContainsAnyExcept(Allowed) ? "other" : lower;
    }
}
