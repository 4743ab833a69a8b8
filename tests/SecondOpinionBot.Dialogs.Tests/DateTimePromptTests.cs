using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.Tests.TestSupport;

namespace SecondOpinionBot.Dialogs.Tests;

public class DateTimePromptTests
{
    /// <summary>Wednesday 25 November 2026, 11 pm in Chicago (UTC−6): already Thursday in UTC.</summary>
    private static readonly DateTimeOffset LateEveningInChicago = new(2026, 11, 25, 23, 0, 0, TimeSpan.FromHours(-6));

    private static TestBot Bot(bool preferPast = false) => new(new WaterfallDialog("when")
        .AddStep((step, ct) => step.PromptAsync(TestBot.DateId, new PromptOptions
        {
            Prompt = "When is the appointment?",
            RetryPrompt = "Please give a date, like 'next Tuesday at 3pm'.",
            PreferPastDates = preferPast,
        }, ct))
        .AddStep(async (step, ct) =>
        {
            var answer = step.ResultAs<DateTimeAnswer>()!;
            await step.SendAsync($"{answer.Kind} {answer.Start:yyyy-MM-dd HH:mm zzz}", ct);
            return await step.EndDialogAsync(ct);
        }));

    private static Activity From(TestAdapter adapter, string text, string? timeZone = null)
    {
        var activity = adapter.MakeActivity(text);
        activity.LocalTimestamp = LateEveningInChicago;
        activity.LocalTimezone = timeZone;
        return activity;
    }

    [Fact]
    public async Task Tomorrow_AtElevenPmForAUserAtUtcMinusSix_IsTheUsersTomorrow()
    {
        var adapter = TestBot.Adapter();
        await Bot().Flow(adapter)
            .Send(From(adapter, "hi")).AssertReply("When is the appointment?")
            .Send(From(adapter, "tomorrow")).AssertReply("date 2026-11-26 00:00 -06:00")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("next Tuesday at 3pm", "datetime 2026-12-01 15:00 -06:00")]
    [InlineData("in two weeks", "date 2026-12-09 00:00 -06:00")]
    [InlineData("December 3rd 2026", "date 2026-12-03 00:00 -06:00")]
    public async Task DefiniteDates_AreAcceptedAtOnce(string answer, string expected)
    {
        var adapter = TestBot.Adapter();
        await Bot().Flow(adapter)
            .Send(From(adapter, "hi")).AssertReply("When is the appointment?")
            .Send(From(adapter, answer)).AssertReply(expected)
            .StartTestAsync();
    }

    [Fact]
    public async Task AmbiguousDate_IsReadBackInWords_AndAcceptedOnYes()
    {
        var adapter = TestBot.Adapter();
        await Bot().Flow(adapter)
            .Send(From(adapter, "hi")).AssertReply("When is the appointment?")
            .Send(From(adapter, "12/3")).AssertReply("Just to check: Thursday, December 3, 2026?")
            .Send(From(adapter, "yes")).AssertReply("date 2026-12-03 00:00 -06:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task AmbiguousDate_No_AsksAgain_AndAClearerDateIsAccepted()
    {
        var adapter = TestBot.Adapter();
        await Bot().Flow(adapter)
            .Send(From(adapter, "hi")).AssertReply("When is the appointment?")
            .Send(From(adapter, "12/3")).AssertReply("Just to check: Thursday, December 3, 2026?")
            .Send(From(adapter, "no")).AssertReply("Please give a date, like 'next Tuesday at 3pm'.")
            .Send(From(adapter, "March 12th 2027")).AssertReply("date 2027-03-12 00:00 -06:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task BritishUser_ReadsDayBeforeMonth()
    {
        var adapter = TestBot.Adapter(locale: "en-GB");
        await Bot().Flow(adapter)
            .Send(From(adapter, "hi")).AssertReply("When is the appointment?")
            .Send(From(adapter, "12/3")).AssertReply(a => Assert.Contains("12 March 2027", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send(From(adapter, "yes")).AssertReply("date 2027-03-12 00:00 -06:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task AmbiguousDay_InAPastQuestion_ReadsBackThePastDay()
    {
        var adapter = TestBot.Adapter();
        await Bot(preferPast: true).Flow(adapter)
            .Send(From(adapter, "hi")).AssertReply("When is the appointment?")
            .Send(From(adapter, "Tuesday")).AssertReply("Just to check: Tuesday, November 24, 2026?")
            .Send(From(adapter, "yeah")).AssertReply("date 2026-11-24 00:00 -06:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task UsersTimeZone_GivesTheOffsetOfTheAnsweredDate()
    {
        // Chicago is on daylight time (UTC−5) in June.
        var adapter = TestBot.Adapter();
        await Bot().Flow(adapter)
            .Send(From(adapter, "hi", "America/Chicago")).AssertReply("When is the appointment?")
            .Send(From(adapter, "June 3rd 2027 at 10am", "America/Chicago")).AssertReply("datetime 2027-06-03 10:00 -05:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task NoDate_IsAskedAgain()
    {
        var adapter = TestBot.Adapter();
        await Bot().Flow(adapter)
            .Send(From(adapter, "hi")).AssertReply("When is the appointment?")
            .Send(From(adapter, "whenever suits")).AssertReply("Please give a date, like 'next Tuesday at 3pm'.")
            .StartTestAsync();
    }
}
