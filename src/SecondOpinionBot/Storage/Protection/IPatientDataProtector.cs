namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// Encrypts patient content at rest, each patient (a "subject") with a data key of their own. Every store that keeps
/// patient content (drafts, case details, transcripts, prep sheets, staff messages) writes it through here and keeps only
/// the returned text. Shredding a subject deletes its data key: every copy of its content left anywhere (a WAL, a free
/// page, a replica) can no longer be read. Subjects are names from <see cref="PatientDataSubjects"/>.
/// </summary>
public interface IPatientDataProtector
{
    /// <summary>
    /// The text to store for <paramref name="plaintext"/>; creates the subject's data key on first use. For values written
    /// on every turn (state rows, transcript activities): compressed cheaply (<see cref="PatientDataCompression.Frequent"/>).
    /// </summary>
    ValueTask<string> ProtectAsync(string subject, string plaintext, CancellationToken cancellationToken);

    /// <summary>
    /// The same for a value written once and kept for months (a case snapshot, a prep sheet, a staff message):
    /// compressed as small as the format allows (<see cref="PatientDataCompression.Kept"/>), because its bytes stay
    /// while the CPU of its one write does not.
    /// </summary>
    ValueTask<string> ProtectKeptAsync(string subject, string plaintext, CancellationToken cancellationToken);

    /// <summary>
    /// The same for a value deleted within moments (a turn's replies, kept only until they are delivered): encrypted but
    /// not compressed, because its size does not last and compressing costs more CPU than anything else in the seal.
    /// </summary>
    ValueTask<string> ProtectBrieflyAsync(string subject, string plaintext, CancellationToken cancellationToken);

    /// <summary>
    /// The plaintext of a stored value, or null when it can no longer be read (the subject's key was shredded, or the
    /// value belongs to another subject). Values stored before encryption was introduced are returned as they are.
    /// </summary>
    ValueTask<string?> UnprotectAsync(string subject, string stored, CancellationToken cancellationToken);

    /// <summary>Deletes the subject's data key for good. Idempotent.</summary>
    Task ShredAsync(string subject, CancellationToken cancellationToken);
}
