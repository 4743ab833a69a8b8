namespace SecondOpinionBot.Privacy;

/// <summary>
/// A store that keeps something about a patient. Register each one as a singleton
/// <c>services.AddSingleton&lt;IPersonalDataParticipant, MyParticipant&gt;()</c>; "what do you know about me" and
/// "delete my data" reach every registered participant through <see cref="IPatientDataEraser"/>.
/// </summary>
public interface IPersonalDataParticipant
{
    /// <summary>A short stable name for logs (never personal data), e.g. "bot-state", "cases".</summary>
    string Name { get; }

    /// <summary>What this store holds about the person; empty when nothing.</summary>
    Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken);

    /// <summary>Erases what this store holds about the person. Must be idempotent: erasing twice is fine.</summary>
    Task EraseAsync(PatientIdentity who, CancellationToken cancellationToken);

    /// <summary>When this store's erase runs relative to the others.</summary>
    ErasureOrder Order => ErasureOrder.Normal;
}

/// <summary>
/// <see cref="Last"/> is for a store whose erase changes what the others find the person's rows by (erasing a case
/// replaces its owner key); the rest run in registration order before it.
/// </summary>
public enum ErasureOrder
{
    Normal,
    Last,
}
