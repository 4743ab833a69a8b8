using System.IO.Compression;
using System.Text.Json.Nodes;
using SecondOpinionBot.TeamsPackage;

namespace SecondOpinionBot.TeamsPackage.Tests;

public sealed class TeamsPackageCommandTests : IDisposable
{
    internal const string BotId = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private readonly TemporaryFolder _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _folder.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    private string ZipPath => _folder.File("appPackage.zip");

    private Task<int> RunAsync(params string[] args) => TeamsPackageCommand.RunAsync(args, _output, _error);

    private Task<int> PackageAsync(string botId = BotId, string host = "bot.example.org", string? manifestDir = null)
        => RunAsync("--bot-id", botId, "--host", host, "--output", ZipPath, "--manifest-dir", manifestDir ?? RepositoryFolders.Manifest);

    [Fact]
    public async Task ThePackageHoldsTheFilledManifestAndBothIcons()
    {
        Assert.Equal(0, await PackageAsync(botId: BotId.ToUpperInvariant(), host: "https://Bot.Example.org/"));

        using var zip = ZipFile.OpenRead(ZipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(entry => entry.FullName).Order());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = await reader.ReadToEndAsync();
        Assert.DoesNotContain("${{", text, StringComparison.Ordinal);

        var manifest = JsonNode.Parse(text)!;
        Assert.Equal(BotId, (string?)manifest["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("bot.example.org", (string?)manifest["validDomains"]![0]);
        Assert.Equal("https://bot.example.org/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.True(JsonNode.DeepEquals(TeamsManifestBuilder.CommandLists(), manifest["bots"]![0]!["commandLists"]));
        Assert.Contains("https://bot.example.org/api/messages", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASeparateAppIdAndVersionAreUsedWhenGiven()
    {
        const string appId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

        Assert.Equal(0, await RunAsync("--bot-id", BotId, "--host", "bot.example.org", "--app-id", appId, "--app-version", "1.2.0",
            "--output", ZipPath, "--manifest-dir", RepositoryFolders.Manifest));

        using var zip = ZipFile.OpenRead(ZipPath);
        var manifest = await JsonNode.ParseAsync(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal(appId, (string?)manifest!["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("1.2.0", (string?)manifest["version"]);
    }

    [Theory]
    [InlineData(null, "--bot-id is required")]
    [InlineData("my-bot", "is not a GUID")]
    [InlineData("6f1c2a3b4d5e4f608a7b9c0d1e2f3a4b", "is not a GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", "is not a GUID")]
    public async Task AMissingOrMalformedBotIdStopsWithAClearMessage(string? botId, string expected)
    {
        string[] args = botId is null
            ? ["--host", "bot.example.org", "--output", ZipPath]
            : ["--bot-id", botId, "--host", "bot.example.org", "--output", ZipPath];

        Assert.Equal(2, await RunAsync(args));

        Assert.Contains(expected, _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Theory]
    [InlineData("http://bot.example.org", "uses http")]
    [InlineData("https://bot.example.org/api/messages", "has a path")]
    [InlineData("bot.example.org:8443", "has a port")]
    [InlineData("localhost", "not a public host name")]
    [InlineData("10.0.0.4", "not a public host name")]
    [InlineData("bot example.org", "not a public host name")]
    [InlineData("ftp://bot.example.org", "scheme other than https")]
    public async Task AHostThatIsNotAPlainHttpsHostNameStopsWithAClearMessage(string host, string expected)
    {
        Assert.Equal(2, await PackageAsync(host: host));

        Assert.Contains(expected, _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public async Task AMissingHostStopsWithAClearMessage()
    {
        Assert.Equal(2, await RunAsync("--bot-id", BotId, "--output", ZipPath));

        Assert.Contains("--host is required", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIconOfTheWrongSizeStopsTheBuild()
    {
        var manifestDir = _folder.CopyOfManifestFolder();
        await File.WriteAllBytesAsync(Path.Combine(manifestDir, "outline.png"), PngImage.Encode(64, 64, new byte[64 * 64 * 4]));

        Assert.Equal(1, await PackageAsync(manifestDir: manifestDir));

        Assert.Contains("'outline.png' is 64x64; Teams needs exactly 32x32", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public async Task AMissingIconStopsTheBuild()
    {
        var manifestDir = _folder.CopyOfManifestFolder();
        File.Delete(Path.Combine(manifestDir, "color.png"));

        Assert.Equal(1, await PackageAsync(manifestDir: manifestDir));

        Assert.Contains("'color.png' is missing", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATemplateThatAddsGroupChatIsRefused()
    {
        var manifestDir = _folder.CopyOfManifestFolder();
        var path = Path.Combine(manifestDir, "manifest.json");
        var template = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        template["bots"]![0]!["scopes"]!.AsArray().Add("groupChat");
        await File.WriteAllTextAsync(path, template.ToJsonString());

        Assert.Equal(1, await PackageAsync(manifestDir: manifestDir));

        Assert.Contains("no group chat", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPlaceholderLeftInTheTemplateIsRefused()
    {
        var manifestDir = _folder.CopyOfManifestFolder();
        var path = Path.Combine(manifestDir, "manifest.json");
        var template = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        template["developer"]!["name"] = "${{DEVELOPER_NAME}}";
        await File.WriteAllTextAsync(path, template.ToJsonString());

        Assert.Equal(1, await PackageAsync(manifestDir: manifestDir));

        Assert.Contains("placeholder", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrawingTheIconsWritesTheTwoPngsTeamsNeeds()
    {
        Assert.Equal(0, await RunAsync("--draw-icons", _folder.Path));

        Assert.Equal((192, 192), PngImage.ReadSize(await File.ReadAllBytesAsync(_folder.File("color.png"))));
        Assert.Equal((32, 32), PngImage.ReadSize(await File.ReadAllBytesAsync(_folder.File("outline.png"))));
    }
}
