using System.Collections.Concurrent;

namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// The wrapped data keys one turn has already read, so a turn reads each subject's key row once instead of at every
/// encrypt and decrypt (a turn uses its user's and its conversation's keys five to ten times). A shred inside the turn
/// forgets the key here too; a shred by another instance while this turn runs takes effect from its next turn, as if
/// it had come a moment later.
/// </summary>
internal sealed class PatientKeyScope : IDisposable
{
    private static readonly AsyncLocal<PatientKeyScope?> CurrentScope = new();
    private readonly PatientKeyScope? _outer;

    private PatientKeyScope(PatientKeyScope? outer) => _outer = outer;

    /// <summary>Wrapped keys by subject (only keys found: a missing key is looked for again, so it can be created).</summary>
    internal ConcurrentDictionary<string, string?> Wrapped { get; } = new(StringComparer.Ordinal);

    internal static PatientKeyScope? Current => CurrentScope.Value;

    /// <summary>Starts the turn's scope for the rest of this async flow; disposing ends it.</summary>
    public static IDisposable Begin() => CurrentScope.Value = new PatientKeyScope(CurrentScope.Value);

    public void Dispose() => CurrentScope.Value = _outer;
}
