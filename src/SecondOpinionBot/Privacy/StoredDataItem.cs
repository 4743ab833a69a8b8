namespace SecondOpinionBot.Privacy;

/// <summary>The kinds of things the bot keeps about a person, as "what do you know about me" lists them.</summary>
public enum StoredDataCategory
{
    /// <summary>The journey's answers (the draft). <see cref="StoredDataItem.Fields"/> names the answered fields.</summary>
    Answers,

    /// <summary>Where this conversation is in the journey (the dialog position), no answers.</summary>
    ConversationPosition,

    /// <summary>A case sent to the care team. <see cref="StoredDataItem.Reference"/> is its reference (SO-7K3F).</summary>
    Case,

    /// <summary>Links to the printable prep sheet. <see cref="StoredDataItem.Until"/> is when the last one expires.</summary>
    PrepSheetLinks,

    /// <summary>The web chat transcript kept on this server. <see cref="StoredDataItem.Count"/> is the number of messages.</summary>
    WebChatTranscript,

    /// <summary>Messages waiting to be delivered to the person. <see cref="StoredDataItem.Count"/> is how many.</summary>
    PendingMessages,

    /// <summary>Messages between the person and the care team about their case. <see cref="StoredDataItem.Count"/> is how many.</summary>
    CaseMessages,
}

/// <summary>
/// One thing stored about a person, described without internal ids so it can be shown to them as it is.
/// </summary>
/// <param name="Fields">Answer field names from <see cref="SecondOpinionBot.Handoff.CaseDetailsFields"/> (for Answers and Case).</param>
public sealed record StoredDataItem(
    StoredDataCategory Category,
    int Count = 1,
    IReadOnlyList<string>? Fields = null,
    string? Reference = null,
    DateTimeOffset? Until = null);
