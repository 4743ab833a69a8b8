namespace SecondOpinionBot.Dialogs.State;

/// <summary>Whose document a value lives in.</summary>
public enum StateScope
{
    /// <summary>The user's, across conversations (the draft: a new conversation resumes from it).</summary>
    User,

    /// <summary>This conversation's (the dialog position).</summary>
    Conversation,
}
