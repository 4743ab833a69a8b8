using System.Text.Json.Nodes;

namespace SecondOpinionBot.Dialogs;

/// <summary>One entry of the dialog stack: where a dialog is, not what the user answered (that lives in the draft).</summary>
public sealed class DialogFrame
{
    public required string DialogId { get; init; }

    /// <summary>The dialog's version when the frame was pushed; a mismatch later means the flow changed under the user.</summary>
    public string? Version { get; init; }

    public int Step { get; set; }

    public int Attempts { get; set; }

    public JsonNode? Options { get; set; }

    /// <summary>
    /// <see cref="Options"/> as a typed object, while <see cref="Options"/> is still that node: a prompt started this
    /// turn does not read back from JSON what it was just given, nor a prompt read twice in a turn. Never stored.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal (JsonNode Node, object Value)? TypedOptions { get; set; }

    /// <summary>The typed options remembered for the current <see cref="Options"/> node, if any.</summary>
    internal T? KnownOptions<T>() where T : class =>
        TypedOptions is { } known && ReferenceEquals(known.Node, Options) ? known.Value as T : null;

    /// <summary>Small per-frame values (waterfall values, a prompt's pending confirmation).</summary>
    public JsonObject Values { get; init; } = new();

    /// <summary>A component dialog's own stack.</summary>
    public List<DialogFrame> Inner { get; init; } = [];
}

/// <summary>The whole conversation's position, kept in the conversation's state document (<see cref="State.DialogStackStore"/>).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The Bot Framework's name for the concept.")]
public sealed class DialogStack
{
    /// <summary>The host's flow version when the stack was written; a deploy that changes flows bumps it.</summary>
    public string? FlowVersion { get; set; }

    /// <summary>Grows each time a question is asked, so a submit from an older card can be told apart.</summary>
    public int Revision { get; set; }

    public List<DialogFrame> Frames { get; init; } = [];

    /// <summary>
    /// The stack as it was when each of the last few questions was asked, oldest first, so "back" can return to the
    /// previous one (<see cref="DialogContext.TryGoBack"/>). Emptied when the conversation has no dialog left.
    /// </summary>
    public List<AskedQuestion> Asked { get; init; } = [];
}

/// <summary>One question as it was asked: the whole stack at that moment and the revision its cards carried.</summary>
public sealed class AskedQuestion
{
    public int Revision { get; set; }

    /// <summary>The prompt's dialog id, to tell whether this question is the one on screen now.</summary>
    public required string PromptId { get; init; }

    public required JsonNode Frames { get; init; }
}
