using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// Captures log output of a host, message, structured state, exception and active scopes of every entry.
/// <see cref="Everything"/> sees every category at Trace, whatever the app's filters say (a sentinel scan that nothing
/// escapes, including ASP.NET Core's request logs); <see cref="AsConfigured"/> is subject to the app's own filter
/// rules, to test what a deployment with a given configuration would write.
/// Use with BotAppFactory: <c>new BotAppFactory(services: logs.AttachTo)</c> or combine with other service changes.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private readonly bool _bypassFilters;
    private IExternalScopeProvider? _scopes;

    private LogCapture(bool bypassFilters) => _bypassFilters = bypassFilters;

    public static LogCapture Everything() => new(bypassFilters: true);

    public static LogCapture AsConfigured() => new(bypassFilters: false);

    public IReadOnlyList<CapturedLog> Entries => _entries.ToArray();

    public void AttachTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        if (_bypassFilters)
        {
            // A rule for this provider beats every category rule without a provider, so nothing is filtered for it.
            services.Configure<LoggerFilterOptions>(options =>
                options.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, null, LogLevel.Trace, null)));
        }
    }

    /// <summary>Entries whose text (message, state, exception or scopes) contains any of the values, case-insensitively.</summary>
    public IReadOnlyList<(CapturedLog Entry, string Value)> Containing(IEnumerable<string> values) =>
        Entries.SelectMany(entry => values.Where(v => entry.AllText.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => (entry, v))).ToArray();

    public void AssertNoneContain(IEnumerable<string> values)
    {
        var hits = Containing(values);
        Assert.True(hits.Count == 0, "Logged personal data or secrets:\n" + string.Join('\n', hits.Select(h => $"[{h.Entry.Category} {h.Entry.Level}] contains '{h.Value}': {h.Entry.AllText}")));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes?.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
            owner._entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), Describe(state), exception?.ToString(), scopes));
        }

        private static string Describe(object? value) => value switch
        {
            null => "",
            IEnumerable<KeyValuePair<string, object?>> pairs => value + " {" + string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}")) + "}",
            _ => value.ToString() ?? "",
        };
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, string State, string? Exception, IReadOnlyList<string> Scopes)
{
    public string AllText => string.Join(" | ", [Message, State, Exception ?? "", .. Scopes]);
}
