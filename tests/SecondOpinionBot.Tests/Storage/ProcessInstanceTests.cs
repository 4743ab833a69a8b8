using System.Diagnostics;
using System.Globalization;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>Only a holder that surely stopped is taken over at once; everything uncertain waits for the expiry.</summary>
public sealed class ProcessInstanceTests
{
    private static readonly long OurStart = Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks;

    [Fact]
    public void A_holder_in_this_running_process_is_not_gone() =>
        Assert.False(ProcessInstance.IsSurelyGone(ProcessInstance.NewId()));

    [Fact]
    public void A_process_of_this_machine_that_exited_is_gone() =>
        Assert.True(ProcessInstance.IsSurelyGone(StoppedProcessIds.Of()));

    [Fact]
    public void Our_pid_with_another_start_time_is_the_process_before_a_restart() =>
        Assert.True(ProcessInstance.IsSurelyGone(Id(Environment.MachineName, Environment.ProcessId, OurStart - TimeSpan.TicksPerHour)));

    [Fact]
    public void The_same_pid_and_start_time_is_the_running_process() =>
        Assert.False(ProcessInstance.IsSurelyGone(Id(Environment.MachineName, Environment.ProcessId, OurStart)));

    [Theory]
    [InlineData("other-machine/1/638000000000000000/abc")]
    [InlineData("dead-instance")]
    [InlineData("host/123/abc")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_machines_and_other_formats_are_left_to_the_expiry(string? id) =>
        Assert.False(ProcessInstance.IsSurelyGone(id));

    private static string Id(string machine, int pid, long started) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine}/{pid}/{started}/{Guid.NewGuid():N}");
}
