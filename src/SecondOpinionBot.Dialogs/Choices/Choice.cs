namespace SecondOpinionBot.Dialogs.Choices;

/// <summary>One option. <paramref name="Value"/> is the stable id; <paramref name="Title"/> what the user sees.</summary>
public sealed record Choice(string Value, string? Title = null, IReadOnlyList<string>? Synonyms = null)
{
    [System.Text.Json.Serialization.JsonIgnore] // derived: not stored with the question
    public string DisplayTitle => Title ?? Value;

    /// <summary>Every way of naming this choice: value, title, synonyms.</summary>
    public IEnumerable<string> Names()
    {
        yield return Value;
        if (Title is not null)
        {
            yield return Title;
        }

        foreach (var synonym in Synonyms ?? [])
        {
            yield return synonym;
        }
    }
}

/// <summary>A recognised choice: its value and zero-based position in the list.</summary>
public sealed record FoundChoice(string Value, int Index);

public enum ListStyle
{
    /// <summary>Suggested actions for three or fewer, else an Adaptive Card, else a numbered list; by channel.</summary>
    Auto,
    SuggestedActions,
    AdaptiveCard,
    NumberedList,

    /// <summary>Only the prompt text.</summary>
    None,
}
