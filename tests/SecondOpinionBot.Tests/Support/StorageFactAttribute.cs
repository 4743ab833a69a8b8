using Xunit.Abstractions;
using Xunit.Sdk;

namespace SecondOpinionBot.Tests.Support;

/// <summary>Marks a test class that runs its (inherited) storage tests against PostgreSQL.</summary>
public interface IPostgresTests;

/// <summary>
/// A storage contract test: one method in an abstract suite, run once per provider by its concrete classes. In a class
/// marked <see cref="IPostgresTests"/> it is reported as skipped, with the reason, when no PostgreSQL server is
/// reachable (outside CI; see <see cref="TestPostgres"/>).
/// </summary>
[XunitTestCaseDiscoverer("SecondOpinionBot.Tests.Support.StorageFactDiscoverer", "SecondOpinionBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

/// <summary>The theory form of <see cref="StorageFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("SecondOpinionBot.Tests.Support.StorageTheoryDiscoverer", "SecondOpinionBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageTheoryAttribute : TheoryAttribute;

public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        PostgresSkip.Reason(testMethod) is { } reason
            ? [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class StorageTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        PostgresSkip.Reason(testMethod) is { } reason
            ? [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class PostgresSkip
{
    public static string? Reason(ITestMethod testMethod) =>
        typeof(IPostgresTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) ? TestPostgres.SkipReason : null;
}
