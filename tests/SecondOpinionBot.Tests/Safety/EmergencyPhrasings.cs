namespace SecondOpinionBot.Tests.Safety;

/// <summary>One row of Data/emergency-phrasings.tsv: a category, what the bot must do, and the words.</summary>
public sealed record EmergencyPhrasing(string Category, string Expected, string Text)
{
    public const string Medical = "medical";
    public const string SelfHarm = "self-harm";
    public const string Note = "note";
    public const string None = "none";

    public bool IsEmergency => Expected is Medical or SelfHarm;

    public override string ToString() => $"[{Category} → {Expected}] {Text}";
}

/// <summary>Reads the clinical review sheet of phrasings (tab-separated, # comments, a header row).</summary>
public static class EmergencyPhrasings
{
    private static readonly Lazy<IReadOnlyList<EmergencyPhrasing>> Rows = new(() => Load("emergency-phrasings.tsv"));
    private static readonly Lazy<IReadOnlyList<EmergencyPhrasing>> SpanishRows = new(() => Load("emergency-phrasings-es.tsv"));

    public static IReadOnlyList<EmergencyPhrasing> All => Rows.Value;

    /// <summary>The Spanish sheet (Data/emergency-phrasings-es.tsv), for dialogs/es/emergency.yaml.</summary>
    public static IReadOnlyList<EmergencyPhrasing> Spanish => SpanishRows.Value;

    private static List<EmergencyPhrasing> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Safety", "Data", file);
        var rows = new List<EmergencyPhrasing>();
        foreach (var (line, number) in File.ReadAllLines(path).Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("category\t", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 3 || cells[1] is not (EmergencyPhrasing.Medical or EmergencyPhrasing.SelfHarm or EmergencyPhrasing.Note or EmergencyPhrasing.None))
            {
                throw new InvalidDataException($"{file} line {number}: expected category<TAB>medical|self-harm|note|none<TAB>text.");
            }

            rows.Add(new EmergencyPhrasing(cells[0], cells[1], cells[2]));
        }

        return rows;
    }
}
