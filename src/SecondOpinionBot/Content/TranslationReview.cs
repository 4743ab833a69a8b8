namespace SecondOpinionBot.Content;

/// <summary>
/// The `translation:` field every file of a language other than the default carries: who checked the translation
/// (a qualified medical translator, before a deployment goes live) and when. <see cref="NotYetReviewed"/> until then.
/// </summary>
public sealed record TranslationReview(string File, string ReviewedBy, DateOnly? ReviewedOn, SourceLocation Location)
{
    /// <summary>What `reviewedBy` says while nobody has checked the file.</summary>
    public const string NotYetReviewed = "not yet reviewed";

    public bool IsReviewed => ReviewedOn is not null && !string.Equals(ReviewedBy, NotYetReviewed, StringComparison.OrdinalIgnoreCase);
}
