namespace SecondOpinionBot.Content;

/// <summary>Collects every problem so one startup failure shows them all, not just the first.</summary>
internal sealed class ContentErrors
{
    private readonly List<ContentError> _errors = [];

    public IReadOnlyList<ContentError> All => _errors;

    public void Add(string file, int line, string message) => _errors.Add(new ContentError(file, line, message));

    public void Add(SourceLocation at, string message) => Add(at.File, at.Line, message);

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ContentValidationException(_errors.ToList());
        }
    }
}
