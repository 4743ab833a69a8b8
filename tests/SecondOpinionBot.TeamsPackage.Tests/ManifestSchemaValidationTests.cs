using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using SecondOpinionBot.TeamsPackage;

namespace SecondOpinionBot.TeamsPackage.Tests;

/// <summary>
/// The built package against Microsoft's own manifest schema (npm @microsoft/app-manifest, offline), via
/// manifest/validate/validate.mjs — the same check CI and a person preparing an upload run.
/// </summary>
public sealed class ManifestSchemaValidationTests : IDisposable
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TheBuiltPackagePassesMicrosoftsManifestSchema()
    {
        var zip = await BuildPackageAsync();

        var (exitCode, output) = await ValidateAsync(zip);

        Assert.True(exitCode == 0, output);
        Assert.Contains("valid against the Teams app manifest schema v1.22", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenManifestFailsMicrosoftsManifestSchema()
    {
        var zip = await BuildPackageAsync();
        await RewriteManifestAsync(zip, manifest =>
        {
            manifest["bots"]![0]!["botId"] = "my-bot";
            manifest.AsObject().Remove("developer");
        });

        var (exitCode, output) = await ValidateAsync(zip);

        Assert.Equal(1, exitCode);
        Assert.Contains("/bots/0/botId must match pattern", output, StringComparison.Ordinal);
        Assert.Contains("must have required property 'developer'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APackageWithAWrongSizeIconFailsValidation()
    {
        var zip = await BuildPackageAsync();
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            archive.GetEntry("color.png")!.Delete();
            await using var entry = archive.CreateEntry("color.png").Open();
            await entry.WriteAsync(PngImage.Encode(96, 96, new byte[96 * 96 * 4]));
        }

        var (exitCode, output) = await ValidateAsync(zip);

        Assert.Equal(1, exitCode);
        Assert.Contains("color.png\" is 96x96", output, StringComparison.Ordinal);
    }

    private async Task<string> BuildPackageAsync()
    {
        var zip = _folder.File("appPackage.zip");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await TeamsPackageCommand.RunAsync(
            ["--bot-id", TeamsPackageCommandTests.BotId, "--host", "bot.example.org", "--output", zip, "--manifest-dir", RepositoryFolders.Manifest],
            output,
            error);
        Assert.True(exitCode == 0, error.ToString());
        return zip;
    }

    private static async Task RewriteManifestAsync(string zip, Action<JsonNode> change)
    {
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Update);
        var entry = archive.GetEntry("manifest.json")!;
        JsonNode manifest;
        await using (var read = entry.Open())
        {
            manifest = (await JsonNode.ParseAsync(read))!;
        }

        change(manifest);
        entry.Delete();
        await using var write = archive.CreateEntry("manifest.json").Open();
        await write.WriteAsync(System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()));
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string zip)
    {
        await EnsureValidatorInstalledAsync();
        return await RunAsync("node", ["validate.mjs", zip]);
    }

    private static async Task EnsureValidatorInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(RepositoryFolders.Validator, "node_modules", "@microsoft", "app-manifest")))
            {
                return;
            }

            var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"]);
            Assert.True(exitCode == 0, "npm ci in manifest/validate failed:\n" + output);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryFolders.Validator,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
