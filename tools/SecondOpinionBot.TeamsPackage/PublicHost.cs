using System.Diagnostics.CodeAnalysis;

namespace SecondOpinionBot.TeamsPackage;

/// <summary>
/// The public host name the bot is reached at (e.g. bot.example.org). Teams and the Bot Service only talk https, and the
/// messaging endpoint is always https://host/api/messages, so a scheme other than https, a path or a port is a mistake.
/// </summary>
public static class PublicHost
{
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? host, [NotNullWhen(false)] out string? problem)
    {
        host = null;
        var value = input?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            problem = "--host is required: the public host name of the bot, e.g. --host bot.example.org";
            return false;
        }

        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"--host '{value}' uses http. Teams and the Azure Bot Service only call https; give the host name, e.g. --host bot.example.org";
            return false;
        }

        if (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            value = value["https://".Length..];
        }

        value = value.TrimEnd('/');
        if (value.Contains("://", StringComparison.Ordinal))
        {
            problem = $"--host '{input}' has a scheme other than https. Give the host name only, e.g. --host bot.example.org";
            return false;
        }

        if (value.IndexOfAny(['/', '?', '#']) >= 0)
        {
            problem = $"--host '{input}' has a path. Give the host name only; the messaging endpoint is always https://<host>/api/messages";
            return false;
        }

        if (value.Contains(':', StringComparison.Ordinal))
        {
            problem = $"--host '{input}' has a port. Give the host name only; the bot must be reachable on https port 443";
            return false;
        }

        if (Uri.CheckHostName(value) != UriHostNameType.Dns || !value.Contains('.', StringComparison.Ordinal) || value.Length > 253)
        {
            problem = $"--host '{input}' is not a public host name. Use the name Teams can reach, e.g. bot.example.org (not localhost or an IP address)";
            return false;
        }

        host = value.ToLowerInvariant();
        problem = null;
        return true;
    }
}
