using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// A logger for one class that lets a test wait for an entry instead of sleeping: background services log when they
/// finish a unit of work, so "the next run has happened" is an entry with that message, signalled the moment it is written.
/// </summary>
public sealed class LogSignal<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly SemaphoreSlim _written = new(0);

    public IReadOnlyList<string> Messages => _messages.ToArray();

    /// <summary>Waits until <paramref name="count"/> entries contain <paramref name="text"/>; fails the test after the timeout.</summary>
    public async Task WaitForAsync(string text, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Messages.Count(m => m.Contains(text, StringComparison.Ordinal)) < count)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero && await _written.WaitAsync(left), $"waited for {count} log entries with '{text}'; saw: {string.Join(" | ", Messages)}");
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _messages.Enqueue(formatter(state, exception));
        _written.Release();
    }
}
