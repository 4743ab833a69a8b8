using Microsoft.Playwright;
using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>Finds what the bot said in the Web Chat page by message key, as the content words it (see <see cref="Wording"/>).</summary>
public static class WebChatTranscript
{
    /// <summary>The transcript's bubbles showing message <paramref name="key"/> of the repository's content (the host's own).</summary>
    public static ILocator Said(this IPage page, MessageKey key, params (string Name, string Value)[] values) =>
        page.Said(Wording.Messages, key, values);

    /// <summary>The same in a given language's messages (e.g. the Spanish content).</summary>
    public static ILocator Said(this IPage page, MessageCatalog messages, MessageKey key, params (string Name, string Value)[] values) =>
        page.Locator("#webchat article.webchat__basic-transcript__activity")
            // Playwright hands the pattern to the browser's RegExp, which takes no .NET-only options.
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(Wording.PatternOf(messages.Get(key), values, key.Name).ToString()) });
}
