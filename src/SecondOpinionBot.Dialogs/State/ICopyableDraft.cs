namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// A draft type that copies itself (every list and dictionary too) without a trip through JSON. A turn parses its
/// draft once and hands every caller a copy (<see cref="DraftAccessor{T}"/>); without this a copy is the draft
/// written to JSON and read back, which costs what parsing it each time did.
/// </summary>
/// <remarks>
/// The copy must be what storing the draft and reading it back gives: the same answers, and no list or dictionary
/// shared with the original (so changing one never changes the other).
/// </remarks>
public interface ICopyableDraft<out T>
    where T : class
{
    T Copy();
}
