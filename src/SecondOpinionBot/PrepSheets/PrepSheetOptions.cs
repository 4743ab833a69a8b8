using System.ComponentModel.DataAnnotations;

namespace SecondOpinionBot.PrepSheets;

public sealed class PrepSheetOptions
{
    public const string Section = "PrepSheets";

    /// <summary>How long a prep-sheet link works after it is made.</summary>
    [Range(1, 90)]
    public int LinkLifetimeDays { get; set; } = 7;

    /// <summary>The public https address of the bot (https://bot.example.org), to make absolute links. Optional.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }
}
