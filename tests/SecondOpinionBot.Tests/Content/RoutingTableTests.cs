using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

public sealed class RoutingTableTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static RoutingTable Routing => ContentFixture.English.Routing;

    private static RoutingInput Input(
        string[]? needs = null,
        RoutingSignal[]? signals = null,
        DateOnly? date = null,
        bool emergency = false,
        bool fast = false) =>
        new(needs ?? [], signals ?? [], date, Today, emergency, fast);

    [Theory]
    [InlineData(new[] { "cost-aid", "transport" }, "social-work")]
    [InlineData(new[] { "housing" }, "social-work")]
    [InlineData(new[] { "legal-compensation" }, "social-work")]
    [InlineData(new[] { "caregiver-time" }, "social-work")]
    [InlineData(new[] { "emotional-support" }, "social-work")]
    [InlineData(new[] { "coverage" }, "care-coordination")]
    [InlineData(new[] { "referral" }, "care-coordination")]
    [InlineData(new[] { "scheduling" }, "care-coordination")]
    [InlineData(new[] { "none" }, "care-coordination")]
    [InlineData(new string[0], "care-coordination")]
    public void Needs_PickTheQueue(string[] needs, string queue)
    {
        Assert.Equal(queue, Routing.Route(Input(needs)).Primary.Id);
    }

    [Fact]
    public void RecordsNeedingHelp_GoToCareCoordination()
    {
        var decision = Routing.Route(Input(signals: [RoutingSignal.RecordsNeedHelp]));

        Assert.Equal("care-coordination", decision.Primary.Id);
        Assert.Equal(["records-need-help"], decision.Matched["care-coordination"]);
    }

    [Fact]
    public void BothQueues_MostMatchesIsPrimary_OtherIsNoted()
    {
        var decision = Routing.Route(Input(["cost-aid", "transport", "housing"], [RoutingSignal.RecordsNeedHelp]));

        Assert.Equal("social-work", decision.Primary.Id);
        Assert.Equal(["care-coordination"], decision.AlsoRelevant.Select(q => q.Id));
    }

    [Fact]
    public void BothQueues_TieGoesToTheQueueListedFirst()
    {
        var decision = Routing.Route(Input(["transport"], [RoutingSignal.RecordsNeedHelp]));

        Assert.Equal(Routing.Queues[0].Id, decision.Primary.Id);
        Assert.Single(decision.AlsoRelevant);
    }

    [Theory]
    [InlineData(5, CasePriority.Urgent)]
    [InlineData(14, CasePriority.Urgent)]
    [InlineData(15, CasePriority.Normal)]
    [InlineData(60, CasePriority.Normal)]
    public void DateWithin14Days_IsUrgent(int daysAhead, CasePriority expected)
    {
        Assert.Equal(expected, Routing.Route(Input(date: Today.AddDays(daysAhead))).Priority);
    }

    [Fact]
    public void EmergencyOrFastChangingSymptoms_AreUrgent_WithoutADate()
    {
        Assert.Equal(CasePriority.Normal, Routing.Route(Input()).Priority);
        Assert.Equal(CasePriority.Urgent, Routing.Route(Input(emergency: true)).Priority);
        Assert.Equal(CasePriority.Urgent, Routing.Route(Input(fast: true)).Priority);
    }

    [Fact]
    public void QueueNames_ArePlainWordsForThePatient()
    {
        Assert.Equal("a social worker", Routing.Queue("social-work").PatientName);
        Assert.Equal("a care coordinator", Routing.Queue("care-coordination").PatientName);
    }
}
