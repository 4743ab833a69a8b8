using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The Adaptive Card TextBlock both staff cards use: wrapped, with only the styles that were asked for, so the cards
/// stay small. The caller decides what the text is (patient text is escaped by the details card before it comes here).
/// </summary>
internal static class CardTextBlock
{
    public static JObject Create(string text, string? weight = null, string? size = null, string? color = null, bool subtle = false)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }
}
