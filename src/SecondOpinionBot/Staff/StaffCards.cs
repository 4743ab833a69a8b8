using Microsoft.Extensions.Options;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Staff;

/// <summary>Builds a case's channel card with the settings and the clock, so every place that shows one shows the same.</summary>
public sealed class StaffCards(IOptions<HandoffOptions> options, TimeProvider clock)
{
    public StaffCaseCard For(CaseRecord record, string? note = null) =>
        new(record, clock.GetUtcNow(), note, options.Value.ShowFirstNameOnCard);
}
