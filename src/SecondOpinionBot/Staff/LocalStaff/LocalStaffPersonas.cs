namespace SecondOpinionBot.Staff.LocalStaff;

/// <summary>
/// Who you act as on the local staff page, so the audit and "resolved by" name someone, and what they may do: their
/// role is looked up in the same table as a Teams staff member's (<see cref="StaffRoles"/>). Local mode only; these
/// are stand-ins for Teams accounts, never used by a configured bot. They are the page's "team": a case can be
/// assigned to one of them and nobody else.
/// </summary>
public static class LocalStaffPersonas
{
    public sealed record Persona(string Id, string Name, StaffRole Role)
    {
        /// <summary>What the case, the thread lines and the audit call them ("Ana").</summary>
        public string FirstName => Name.Split(' ')[0];
    }

    public static IReadOnlyList<Persona> All { get; } =
    [
        new("local:ana", "Ana (social worker)", StaffRole.QueueMember),
        new("local:ben", "Ben (care coordinator)", StaffRole.QueueMember),
        new("local:chen", "Chen (queue lead)", StaffRole.QueueLead),
    ];

    public static Persona? Find(string? id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}
