using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Staff;

/// <summary>What a card action led to: the case as it now is (to show), a note for the clicker, or a refusal.</summary>
/// <param name="ViewerId">Who asked (their Entra object id), so the answer shows their own view of the card.</param>
public sealed record CaseActionResult(CaseRecord? Case, string? Note, StaffRefusal? Refusal, bool Changed, string? ViewerId = null);
