using System.Collections.Concurrent;
using System.Diagnostics;
using SecondOpinionBot.Operations.Telemetry;

namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// Tells a test when a turn has started waiting for its conversation's lease and when it got it (the bot's
/// "turn.lease" span starts and stops). Requests are told apart by the W3C trace id the test sends with them, so
/// tests running at the same time don't mix.
/// </summary>
public sealed class TurnLeaseWaits : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<ActivityTraceId, TaskCompletionSource> _started = new();
    private readonly ConcurrentDictionary<ActivityTraceId, TaskCompletionSource> _granted = new();
    private readonly ActivityListener _listener;

    public TurnLeaseWaits()
    {
        _listener = new ActivityListener
        {
            // The host's request span carries the trace id from the traceparent header; the lease span is its child.
            ShouldListenTo = source => source.Name is BotTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (activity.OperationName == "turn.lease")
                {
                    Signal(_started, activity.TraceId).TrySetResult();
                }
            },
            ActivityStopped = activity =>
            {
                if (activity.OperationName == "turn.lease")
                {
                    Signal(_granted, activity.TraceId).TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>A traceparent header value for a new trace, and its id.</summary>
    public static (ActivityTraceId TraceId, string Header) NewTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        return (traceId, $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
    }

    /// <summary>Returns once the turn sent with <paramref name="traceId"/> is waiting for (or holds) its lease.</summary>
    public async Task StartedAsync(ActivityTraceId traceId)
    {
        try
        {
            await Signal(_started, traceId).Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail("The turn never asked for the conversation's lease.");
        }
    }

    /// <summary>Returns once the turn sent with <paramref name="traceId"/> holds its conversation's lease.</summary>
    public async Task GrantedAsync(ActivityTraceId traceId)
    {
        try
        {
            await Signal(_granted, traceId).Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail("The turn never got the conversation's lease.");
        }
    }

    /// <summary>
    /// Fails if the turn gets its lease within <paramref name="window"/>. Used while another turn holds the lease: the
    /// lease must not be granted, and an unguarded turn would get it at once.
    /// </summary>
    public async Task NotGrantedWithinAsync(ActivityTraceId traceId, TimeSpan window)
    {
        var granted = Signal(_granted, traceId).Task;
        Assert.False(await Task.WhenAny(granted, Task.Delay(window)) == granted, "The turn got the lease while another turn of the conversation held it.");
    }

    public void Dispose() => _listener.Dispose();

    private static TaskCompletionSource Signal(ConcurrentDictionary<ActivityTraceId, TaskCompletionSource> signals, ActivityTraceId traceId) =>
        signals.GetOrAdd(traceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
