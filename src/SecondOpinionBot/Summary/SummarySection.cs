namespace SecondOpinionBot.Summary;

/// <summary>The summary's sections, in the order shown. Each has an Edit action that opens dialog "edit-&lt;id&gt;".</summary>
public enum SummarySection
{
    Role,
    Situation,
    Reasons,
    Questions,
    Records,
    Needs,
    Urgency,
    Contact,
}

public static class SummarySections
{
    public const string EditDialogPrefix = "edit-";

    public static IReadOnlyList<SummarySection> All { get; } = Enum.GetValues<SummarySection>();

    /// <summary>The lower-case id used in payloads and element ids ("role", "situation", …).</summary>
    public static string Id(this SummarySection section) => section.ToString().ToLowerInvariant();

    public static string EditDialogId(this SummarySection section) => EditDialogPrefix + section.Id();

    public static bool TryParseEditDialogId(string? dialogId, out SummarySection section)
    {
        section = default;
        if (dialogId is null || !dialogId.StartsWith(EditDialogPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var id = dialogId[EditDialogPrefix.Length..];
        foreach (var candidate in All)
        {
            if (candidate.Id() == id)
            {
                section = candidate;
                return true;
            }
        }

        return false;
    }
}
