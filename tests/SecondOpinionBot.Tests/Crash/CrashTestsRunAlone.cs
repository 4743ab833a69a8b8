namespace SecondOpinionBot.Tests.Crash;

/// <summary>The crash test measures recovery times: it runs alone, after the parallel tests, so they do not take its CPU.</summary>
[CollectionDefinition(CrashRecoveryTests.Name, DisableParallelization = true)]
public sealed class CrashTestsRunAlone;
