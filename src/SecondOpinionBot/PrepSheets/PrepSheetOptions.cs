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

    /// <summary>The page shown for an unknown, expired or deleted link (it cannot know the reader's language).</summary>
    [Required]
    public string NotFoundTitle { get; set; } = "This link no longer works";

    [Required]
    public string NotFoundMessage { get; set; } =
        "This preparation sheet has expired or was deleted. The same list is in your chat, in the message sent with your case.";
}
