namespace SecondOpinionBot.Staff;

/// <summary>
/// How a case can end. A fixed list, not a text box: the channel card never carries free text, and the patient is told
/// the outcome in prepared words.
/// </summary>
public static class StaffOutcomes
{
    public sealed record Outcome(string Id, string Title, string PatientWords);

    public static IReadOnlyList<Outcome> All { get; } =
    [
        new("second-opinion-arranged", "Second opinion arranged", "a second opinion has been arranged"),
        new("records-gathered", "Records gathered", "your records have been gathered"),
        new("support-arranged", "Support arranged", "the support you asked about has been arranged"),
        new("referred-elsewhere", "Referred to another service", "you have been referred to another service that can help"),
        new("could-not-reach", "Could not reach the patient", "we could not reach you"),
        new("no-longer-needed", "Help no longer needed", "the help is no longer needed"),
    ];

    public static Outcome? Find(string? id) => All.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));
}
