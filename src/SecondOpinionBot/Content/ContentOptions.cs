namespace SecondOpinionBot.Content;

/// <summary>Settings under "Content".</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The dialogs/ folder. Relative paths are taken from the content root. Empty: search upward for dialogs/.</summary>
    public string? Directory { get; set; }

    /// <summary>Language used when a user's own language has no folder.</summary>
    public string DefaultCulture { get; set; } = "en";
}
