namespace SecondOpinionBot.Staff.LocalStaff;

/// <summary>
/// Who you act as on the local staff page, so the audit and "resolved by" name someone. Local mode only; these are
/// stand-ins for Teams accounts, never used by a configured bot.
/// </summary>
public static class LocalStaffPersonas
{
    public sealed record Persona(string Id, string Name);

    public static IReadOnlyList<Persona> All { get; } =
    [
        new("local:ana", "Ana (social worker)"),
        new("local:ben", "Ben (care coordinator)"),
        new("local:chen", "Chen (queue lead)"),
    ];

    public static Persona? Find(string? id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}
