namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// The question a prompt's frame holds. Stored as the host's short note when the host can write it again
/// (<see cref="IPromptRewording.Shorten"/>), so the dialog stack and its "back" snapshots stay small; read in full.
/// </summary>
internal static class PromptQuestion
{
    /// <summary>The question in full: known already this turn, read from the frame, or written again from its note.</summary>
    public static async Task<PromptOptions> ReadAsync(DialogContext dc, DialogFrame frame, CancellationToken cancellationToken)
    {
        if (frame.KnownOptions<PromptOptions>() is { } known)
        {
            return known;
        }

        var options = DialogJson.As<PromptOptions>(frame.Options) ?? throw new InvalidOperationException($"Prompt '{frame.DialogId}' was started without PromptOptions.");
        if (options.Shortened)
        {
            // Null means the host cannot write it any more (its content no longer has it): start again from the draft.
            var written = dc.Environment.Rewording is { } rewording ? await rewording.RewordAsync(dc, frame.DialogId, options, cancellationToken) : null;
            options = written is null
                ? throw new StaleStackException($"Prompt '{frame.DialogId}' could not be written again from its note.")
                : written with { Language = written.Language ?? dc.Language.Lexicon.Culture, Shortened = false };
        }

        frame.TypedOptions = (frame.Options!, options);
        return options;
    }

    /// <summary>Stores the question with its frame, as the host's note when it has one, and remembers it in full for the rest of the turn.</summary>
    public static void Keep(DialogContext dc, DialogFrame frame, PromptOptions options)
    {
        var note = dc.Environment.Rewording?.Shorten(frame.DialogId, options);
        var node = note is not null ? DialogJson.ToNode(note with { Shortened = true }, DialogJson.Compact)!
            : ReferenceEquals(frame.KnownOptions<PromptOptions>(), options) ? frame.Options! // unchanged: the node already holds it
            : DialogJson.ToNode(options)!;
        frame.Options = node;
        frame.TypedOptions = (node, options);
    }
}
