namespace SecondOpinionBot.Content;

/// <summary>
/// A message code asks for by key. <see cref="Placeholders"/> are the only {names} the text may use; the loader
/// rejects a message that is missing or uses a placeholder the code does not fill.
/// </summary>
public sealed record MessageKey(string Name, IReadOnlyList<string> Placeholders)
{
    public override string ToString() => Name;
}
