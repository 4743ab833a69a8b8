using System;
using Microsoft.CodeAnalysis;

namespace SecondOpinionBot.ContentKeys;

/// <summary>Finds the English messages file among the compilation's additional files (the source of the keys).</summary>
internal static class MessagesFileLocator
{
    public static bool IsEnglishMessages(AdditionalText file)
    {
        var path = file.Path.Replace('\\', '/');
        return path.EndsWith("/en/messages.yaml", StringComparison.OrdinalIgnoreCase);
    }
}
