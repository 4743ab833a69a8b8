using System.Text.Encodings.Web;
using System.Text.Unicode;
using SecondOpinionBot.Content;

namespace SecondOpinionBot.Channels.WebChat;

/// <summary>
/// The web chat page at the site's root. Its words come from the content (webChat.* in messages.yaml), in the
/// browser's language when there is content for it (<see cref="PageLanguage"/>); the page's language is also Web
/// Chat's locale, so the bot starts the patient in it. The script reads the two status lines it may show from the
/// status element's data attributes.
/// </summary>
public static class WebChatPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var messages = content.Messages;
        var title = E(messages.Get(MessageKeys.WebChatTitle));
        return $"""
            <!doctype html>
            <html lang="{E(content.Culture)}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
              <title>{title}</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="css/webchat-page.css">
            </head>
            <body>
              <header class="page-header">
                <h1>{title}</h1>
                <button type="button" id="forget-device" class="forget-device">{E(messages.Get(MessageKeys.WebChatForgetDevice))}</button>
              </header>
              <main id="webchat" aria-label="{E(messages.Get(MessageKeys.WebChatChatLabel))}"></main>
              <p id="status" class="status" role="status" hidden
                 data-unavailable="{E(messages.Get(MessageKeys.WebChatUnavailable))}"
                 data-connection-lost="{E(messages.Get(MessageKeys.WebChatConnectionLost))}"></p>
              <script src="lib/webchat.js"></script>
              <script src="js/webchat-page.js"></script>
            </body>
            </html>

            """;
    }

    private static string E(string text) => Encoder.Encode(text);
}
