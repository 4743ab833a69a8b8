namespace SecondOpinionBot.Tests.Operations;

/// <summary>
/// Tests that read metric values. Instruments are listened to by meter name across the process, so these run alone,
/// after the parallel tests, to see only their own host's measurements.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTelemetryTests
{
    public const string Name = "telemetry (not in parallel)";
}
