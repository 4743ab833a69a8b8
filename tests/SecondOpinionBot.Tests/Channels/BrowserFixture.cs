using Microsoft.Playwright;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// One headless Chromium for the whole suite: Debian's chromium package (never a downloaded browser build).
/// Set CHROMIUM_PATH to use another binary.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            // Fail, never skip: the web chat is what patients outside Teams use.
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {executable}. Run ./test.sh (it installs Debian's chromium when it can), " +
                "or install it yourself (sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.");
        }

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
