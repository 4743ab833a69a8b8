namespace SecondOpinionBot.Content;

/// <summary>One problem found in the content files, pointing at the file and line an editor must fix.</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>Thrown at startup (and by the content test) when dialogs/ has problems; lists all of them at once.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<ContentError> errors)
        : base(Describe(errors)) => Errors = errors;

    public ContentValidationException() : this([]) { }

    public ContentValidationException(string message) : base(message) => Errors = [];

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<ContentError> Errors { get; }

    private static string Describe(IReadOnlyList<ContentError> errors) =>
        errors.Count == 0
            ? "Content is not valid."
            : $"Content in dialogs/ is not valid ({errors.Count} problem(s)):{Environment.NewLine}"
              + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
