using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// The real host in-process, each instance with its own temporary SQLite file. Settings are passed with UseSetting
/// so Program sees them before it builds.
/// </summary>
public sealed class BotAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "so-tests", Guid.NewGuid().ToString("N"));

    public BotAppFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string environment = "Development")
    {
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, "bot.db");
        _settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = DatabasePath,

            // Tests move fake clocks by hours; the overdue reminders run only where a test runs their pass itself.
            ["Handoff:ServiceLevels:RunReminders"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        _services = services;
        Environment = environment;
    }

    public string DatabasePath { get; }

    /// <summary>
    /// Handoff:Hours open every hour of every day. The patient hears "as soon as they can" rather than "after the team is
    /// back on …" only while the team is at work, and that is judged on the machine's real clock, not the chat's.
    /// </summary>
    public static Dictionary<string, string?> TeamAlwaysAtWork() => new(
        Enum.GetValues<DayOfWeek>().Select((day, i) => KeyValuePair.Create($"Handoff:Hours:Days:{i}", (string?)day.ToString()))
            .Append(KeyValuePair.Create("Handoff:Hours:Open", (string?)"00:00"))
            .Append(KeyValuePair.Create("Handoff:Hours:Close", (string?)"23:59:59.9999999")));

    public string Environment { get; }

    /// <summary>Replaces the bot with a test double.</summary>
    public static Action<IServiceCollection> WithBot<TBot>() where TBot : class, IBot =>
        services => services.AddTransient<IBot, TBot>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the temp folder is cleaned by the OS.
        }
    }
}
