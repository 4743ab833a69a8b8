namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// How <see cref="PatientDataFormat"/> compresses a value before encrypting it: Brotli at <see cref="Quality"/> and
/// window <see cref="Window"/> (bits), for values of at least <see cref="MinimumBytes"/> bytes of UTF-8; shorter ones
/// are stored as they are. Reading does not depend on any of this: a Brotli stream names its own window and decodes the
/// same whatever quality wrote it, and the flag byte says whether a value was compressed at all.
/// The settings below were picked from `bench -- compression` on real rows of a load run (README, Benchmarks).
/// </summary>
public readonly record struct PatientDataCompression(int Quality, int Window, int MinimumBytes)
{
    /// <summary>No compression (values deleted within moments: a turn's replies).</summary>
    public static PatientDataCompression None { get; } = new(0, 10, int.MaxValue);

    /// <summary>
    /// Values rewritten on every turn (state rows) or several times a turn (transcript activities): quality 0, Brotli's
    /// one-pass compressor, whose tables are sized by the input instead of the window (quality 5 allocates and clears
    /// about a megabyte per call, which was 9% of a journey turn's CPU). On the run's state rows it seals in a third of
    /// quality 5's time at 1.2-1.3 times its size, and still a quarter to a third of the uncompressed size. Below
    /// 256 bytes it never made a value smaller in the benchmark, so shorter values are not even tried.
    /// </summary>
    public static PatientDataCompression Frequent { get; } = new(0, 16, 256);

    /// <summary>
    /// Values written once and kept for months (a case snapshot, a prep sheet, a staff message): quality 5, 20-25%
    /// smaller than quality 0 on these rows; its 20-40 µs are spent once per case, not once per turn.
    /// </summary>
    public static PatientDataCompression Kept { get; } = new(5, 16, 0);

    public bool Applies(int bytes) => bytes >= MinimumBytes;
}
