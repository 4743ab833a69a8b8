namespace SecondOpinionBot.Intake;

/// <summary>The journey's sections in order. Each is a dialog with this id; "edit-&lt;id&gt;" re-opens it from the summary.</summary>
public static class JourneySections
{
    public const string Role = "role";
    public const string Situation = "situation";
    public const string Reasons = "reasons";
    public const string Questions = "questions";
    public const string Records = "records";
    public const string Needs = "needs";
    public const string Urgency = "urgency";
    public const string Contact = "contact";

    /// <summary>Asked in this order; urgency is asked inside the situation section and edited on its own.</summary>
    public static IReadOnlyList<string> InOrder { get; } = [Role, Situation, Reasons, Questions, Records, Needs, Contact];

    public static string EditId(string section) => "edit-" + section;
}
