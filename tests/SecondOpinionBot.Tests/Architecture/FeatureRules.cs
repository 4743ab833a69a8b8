namespace SecondOpinionBot.Tests.Architecture;

/// <summary>
/// Which feature folder may use which: the table of docs/ARCHITECTURE.md, written so that no cycle is possible
/// (each feature uses only features above it in this list, except the top, which use everything).
/// </summary>
public static class FeatureRules
{
    private static readonly string[] Basics = ["Text", "Options", "Telemetry"];

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> MayUse { get; } = new Dictionary<string, IReadOnlySet<string>>
    {
        ["Text"] = Set(),
        ["Options"] = Set(),
        ["Telemetry"] = Set("Text", "Options"),
        ["Storage"] = Set(Basics),
        ["Content"] = Set(Basics),
        ["Safety"] = Set([.. Basics, "Content"]),
        ["Commands"] = Set([.. Basics, "Content"]),
        ["Privacy"] = Set([.. Basics, "Storage", "Content"]),
        ["Handoff"] = Set([.. Basics, "Storage", "Content", "Privacy"]),
        ["Summary"] = Set([.. Basics, "Content", "Safety", "Handoff"]),
        ["PrepSheets"] = Set([.. Basics, "Storage", "Content", "Safety", "Privacy", "Handoff"]),
        ["Staff"] = Set([.. Basics, "Storage", "Content", "Commands", "Privacy", "Handoff"]),
        ["Intake"] = Set([.. Basics, "Storage", "Content", "Safety", "Commands", "Privacy", "Handoff", "Summary", "PrepSheets"]),
        ["Channels"] = Set([.. Basics, "Storage", "Content", "Safety", "Privacy", "PrepSheets"]),
        ["Operations"] = Set([.. Basics, "Storage", "Content", "Safety", "Commands", "Privacy", "Handoff", "Summary", "PrepSheets", "Staff", "Intake", "Channels"]),
        ["Bot"] = Set([.. Basics, "Storage", "Content", "Safety", "Commands", "Privacy", "Handoff", "Summary", "PrepSheets", "Staff", "Intake", "Channels", "Operations"]),
        ["(host)"] = Set([.. Basics, "Storage", "Content", "Safety", "Commands", "Privacy", "Handoff", "Summary", "PrepSheets", "Staff", "Intake", "Channels", "Operations", "Bot"]),
    };

    /// <summary>
    /// Arrows the code still has against the table (issue #14, item 1). This list may only shrink: the test fails
    /// when an arrow here is gone (take it out) and when an arrow appears that is neither allowed nor listed.
    /// </summary>
    public static IReadOnlySet<(string From, string To)> KnownAgainstTheDirection { get; } = new HashSet<(string, string)>
    {
    };

    private static HashSet<string> Set(params string[] features) => new(features, StringComparer.Ordinal);
}
