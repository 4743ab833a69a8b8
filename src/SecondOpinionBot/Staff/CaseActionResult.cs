using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Staff;

/// <summary>What a card action led to: the case as it now is (to show), a note for the clicker, or a refusal.</summary>
public sealed record CaseActionResult(CaseRecord? Case, string? Note, StaffRefusal? Refusal, bool Changed);
