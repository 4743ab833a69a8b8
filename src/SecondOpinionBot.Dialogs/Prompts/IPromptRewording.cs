namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// Writes a question again: in the user's language after the user switched language, and in full from the short note
/// kept with its frame. The host wrote the question, so the host rewrites it: <see cref="PromptOptions.Wording"/> is
/// its own note of how it wrote it.
/// </summary>
public interface IPromptRewording
{
    /// <summary>
    /// The question in <paramref name="dc"/>'s language now; null to ask it as it was. For
    /// <see cref="PromptOptions.Shortened"/> options it must write the whole question (null then restarts the flow).
    /// </summary>
    Task<PromptOptions?> RewordAsync(DialogContext dc, string promptId, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// What of <paramref name="options"/> to store with the frame so that <see cref="RewordAsync"/> can write the whole
    /// question again on a later turn; null to store it as it is.
    /// </summary>
    PromptOptions? Shorten(string promptId, PromptOptions options) => null;
}
