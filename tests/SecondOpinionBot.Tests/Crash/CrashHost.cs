using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Crash;

/// <summary>
/// The bot as a real process that a test kills with SIGKILL and starts again on the same port and database. Patients
/// whose request failed wait for <see cref="WhenUpAsync"/> (the new process answering /healthz), then resend.
/// </summary>
internal sealed class CrashHost : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly Lock _gate = new();
    private HostProcess? _process;
    private TaskCompletionSource<DateTime> _up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CrashHost(IReadOnlyDictionary<string, string?> environment)
    {
        _environment = environment;
        Port = HostProcess.FreePort();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public DateTime LastKilledAt { get; private set; }

    /// <summary>How long each start took until /healthz answered.</summary>
    public List<TimeSpan> StartTimes { get; } = [];

    /// <summary>Completes with the moment the current process became healthy.</summary>
    public Task<DateTime> WhenUpAsync()
    {
        lock (_gate)
        {
            return _up.Task;
        }
    }

    public async Task StartAsync()
    {
        var started = DateTime.UtcNow;
        var process = HostProcess.Start(_environment, Port);
        if (!await process.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60)))
        {
            var output = process.Output;
            await process.DisposeAsync();
            throw new InvalidOperationException("The host did not become healthy:\n" + output);
        }

        var up = DateTime.UtcNow;
        StartTimes.Add(up - started);
        lock (_gate)
        {
            _process = process;
            _up.TrySetResult(up);
        }
    }

    /// <summary>SIGKILL, then a new process. Returns the moment of the kill.</summary>
    public async Task<DateTime> KillAndRestartAsync()
    {
        HostProcess? dying;
        lock (_gate)
        {
            dying = _process;
            _process = null;
            if (_up.Task.IsCompleted)
            {
                _up = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        dying?.Kill();
        var killedAt = DateTime.UtcNow;
        LastKilledAt = killedAt;
        if (dying is not null)
        {
            await dying.DisposeAsync();
        }

        await StartAsync();
        return killedAt;
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _process?.Output ?? "";
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        HostProcess? process;
        lock (_gate)
        {
            process = _process;
            _process = null;
        }

        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }
}
