namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// Writes a question again in the user's language when it is asked again after the user switched language. The host
/// wrote the question, so the host rewrites it: <see cref="PromptOptions.Wording"/> is its own note of how it wrote it.
/// </summary>
public interface IPromptRewording
{
    /// <summary>The question in <paramref name="dc"/>'s language now; null to ask it as it was.</summary>
    Task<PromptOptions?> RewordAsync(DialogContext dc, string promptId, PromptOptions options, CancellationToken cancellationToken);
}
