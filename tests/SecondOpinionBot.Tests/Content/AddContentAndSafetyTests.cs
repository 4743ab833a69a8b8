using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.Tests.Content;

public sealed class AddContentAndSafetyTests
{
    private static WebApplication Build(params string[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var pair in settings)
        {
            var parts = pair.Split('=', 2);
            builder.Configuration[parts[0]] = parts[1];
        }

        builder.AddContent();
        builder.AddSafety();
        return builder.Build();
    }

    [Fact]
    public async Task DefaultSettings_FindDialogsAndRegisterTheRecognizer()
    {
        await using var app = Build();
        await app.StartAsync();

        var recognizers = app.Services.GetServices<IInterruptionRecognizer>().ToList();
        Assert.Equal(InterruptionKind.Emergency, recognizers[0].Recognize("help I can't breathe", "en")?.Kind);
        Assert.Contains(recognizers, r => r.Recognize("talk to a person", "en")?.Kind == InterruptionKind.TalkToPerson);
        Assert.Equal("en", app.Services.GetRequiredService<ContentCatalog>().Culture);
        await app.StopAsync();
    }

    [Fact]
    public async Task BrokenContent_StopsStartup_WithFileAndLine()
    {
        using var copy = new ContentCopy();
        copy.Replace(ContentFiles.Questions, "    reasons: [risk-reduction]\n    situations: [date-soon]", "    reasons: [risk-reduktion]\n    situations: [date-soon]");
        await using var app = Build($"Content:Directory={copy.Root}");

        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => app.StartAsync());

        Assert.Contains($"questions.yaml:{copy.LineOf(ContentFiles.Questions, "- id: risk-date-soon")}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_emergency_phrase_the_recognizer_could_not_compile_stops_startup_naming_emergency_yaml()
    {
        // Safety adds this rule to content validation (IContentCheck): Content itself knows nothing of the compiler.
        using var copy = new ContentCopy();
        copy.Replace(ContentFiles.Emergency, "    - (turning|turned|going|gone|went) {colour}", "    - (turning|turned|going|gone|went) {colur}");
        await using var app = Build($"Content:Directory={copy.Root}");

        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => app.StartAsync());

        var error = Assert.Single(ex.Errors);
        Assert.EndsWith(Path.Combine("en", ContentFiles.Emergency), error.File, StringComparison.Ordinal);
        Assert.Contains("unknown group {colur}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidEmergencyNumber_StopsStartup()
    {
        await using var app = Build("Emergency:Number=call-someone");

        await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
    }
}
