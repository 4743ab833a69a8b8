using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Safety;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.Safety;

public sealed class EmergencyMessageBuilderTests
{
    private static EmergencyMessageBuilder Builder(string number = "911", string crisis = "988") =>
        new(ContentFixture.Catalogs, Microsoft.Extensions.Options.Options.Create(new EmergencyOptions { Number = number, CrisisLine = crisis }));

    [Fact]
    public void Medical_GivesTheConfiguredEmergencyNumber_NotTheCrisisLine()
    {
        var message = Builder(number: "112").Build(new Interruption(InterruptionKind.Emergency, EmergencyDetails.Medical), "en");

        Assert.Contains("112", message.Guidance, StringComparison.Ordinal);
        Assert.DoesNotContain("988", message.Guidance, StringComparison.Ordinal);
        Assert.DoesNotContain("{", message.Guidance, StringComparison.Ordinal);
        Assert.Contains("continue", message.ResumeHint, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SelfHarm_GivesCrisisLineAndEmergencyNumber()
    {
        var message = Builder(crisis: "116 123").Build(new Interruption(InterruptionKind.Emergency, EmergencyDetails.SelfHarm), "en");

        Assert.Contains("116 123", message.Guidance, StringComparison.Ordinal);
        Assert.Contains("911", message.Guidance, StringComparison.Ordinal);
    }
}
