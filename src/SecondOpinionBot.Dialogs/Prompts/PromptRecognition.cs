namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// What a prompt made of the input: a value, nothing, or a question to settle first (e.g. reading back an ambiguous
/// date). A pending question does not count as a failed attempt.
/// </summary>
public sealed record PromptRecognition<T>(bool Succeeded, T? Value, string? FollowUpQuestion = null);

public static class PromptRecognition
{
    public static PromptRecognition<T> Success<T>(T value) => new(true, value);

    public static PromptRecognition<T> Failed<T>() => new(false, default);

    public static PromptRecognition<T> AskFirst<T>(string question) => new(false, default, question);
}
