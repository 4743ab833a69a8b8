using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecondOpinionBot.TeamsPackage;

/// <summary>
/// <c>dotnet run --project tools/SecondOpinionBot.TeamsPackage -- --bot-id &lt;GUID&gt; --host &lt;public host&gt;</c>:
/// fills manifest/manifest.json, checks it and the icons, and writes appPackage.zip for upload to Teams.
/// </summary>
public static class TeamsPackageCommand
{
    private const string ManifestFileName = "manifest.json";

    /// <returns>0 when the package was written; 1 when the manifest or icons are wrong; 2 for wrong arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (args is ["--help"] or ["-h"])
        {
            await output.WriteLineAsync(TeamsPackageArguments.Usage);
            return 0;
        }

        if (args is ["--draw-icons", ..])
        {
            var iconFolder = args.Length > 1 ? args[1] : FindManifestFolder(null);
            if (iconFolder is null)
            {
                await error.WriteLineAsync("teams-package: no manifest/ folder found; pass the folder: --draw-icons <dir>");
                return 2;
            }

            return await DrawIconsAsync(iconFolder, output);
        }

        var (arguments, problems) = TeamsPackageArguments.Parse(args);
        if (arguments is null)
        {
            await WriteProblemsAsync(error, "teams-package: cannot build the package.", problems);
            await error.WriteLineAsync(TeamsPackageArguments.Usage);
            return 2;
        }

        var folder = FindManifestFolder(arguments.ManifestFolder);
        if (folder is null)
        {
            await error.WriteLineAsync("teams-package: no manifest/manifest.json found. Run from the repository or pass --manifest-dir.");
            return 1;
        }

        return await BuildPackageAsync(arguments, folder, output, error);
    }

    private static async Task<int> BuildPackageAsync(TeamsPackageArguments arguments, string folder, TextWriter output, TextWriter error)
    {
        JsonObject manifest;
        try
        {
            manifest = TeamsManifestBuilder.Build(await File.ReadAllTextAsync(Path.Combine(folder, ManifestFileName)), arguments);
        }
        catch (JsonException exception)
        {
            await error.WriteLineAsync($"teams-package: {Path.Combine(folder, ManifestFileName)} is not valid JSON: {exception.Message}");
            return 1;
        }

        var problems = TeamsManifestChecks.Check(manifest, arguments).ToList();
        var icons = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, size) in new[] { ("color", 192), ("outline", 32) })
        {
            var name = (string?)manifest["icons"]?[key];
            if (string.IsNullOrEmpty(name) || Path.GetFileName(name) != name)
            {
                problems.Add($"icons.{key} must name a file next to manifest.json.");
                continue;
            }

            var path = Path.Combine(folder, name);
            var png = File.Exists(path) ? await File.ReadAllBytesAsync(path) : null;
            if (TeamsManifestChecks.CheckIcon(name, png, size) is { } iconProblem)
            {
                problems.Add(iconProblem);
            }
            else
            {
                icons[name] = png!;
            }
        }

        if (problems.Count > 0)
        {
            await WriteProblemsAsync(error, "teams-package: the package would not work in Teams.", problems);
            return 1;
        }

        // dotnet run starts in the project folder, so relative paths are taken from the repository root (manifest/'s parent).
        var repositoryRoot = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        var zipPath = await WriteZipAsync(Path.Combine(repositoryRoot, arguments.OutputPath), manifest, icons);
        await output.WriteLineAsync($"Wrote {zipPath}");
        await output.WriteLineAsync($"  manifest {manifest["manifestVersion"]}, app {arguments.AppId} version {arguments.AppVersion}, bot {arguments.BotId}");
        await output.WriteLineAsync($"  messaging endpoint to set on the Azure Bot: https://{arguments.Host}/api/messages");
        await output.WriteLineAsync("  Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center (Manage apps > Upload new app).");
        return 0;
    }

    private static async Task<string> WriteZipAsync(string outputPath, JsonObject manifest, Dictionary<string, byte[]> icons)
    {
        var zipPath = Path.GetFullPath(Directory.Exists(outputPath) ? Path.Combine(outputPath, "appPackage.zip") : outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(zipPath)!);

        // Write beside the target and move, so a failed run never leaves half a package to upload.
        var temporary = zipPath + ".tmp";
        await using (var file = File.Create(temporary))
        await using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            await AddEntryAsync(zip, ManifestFileName, Encoding.UTF8.GetBytes(manifest.ToJsonString(TeamsManifestBuilder.WriteOptions)));
            foreach (var (name, png) in icons)
            {
                await AddEntryAsync(zip, name, png);
            }
        }

        File.Move(temporary, zipPath, overwrite: true);
        return zipPath;
    }

    private static async Task AddEntryAsync(ZipArchive zip, string name, byte[] content)
    {
        await using var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync();
        await entry.WriteAsync(content);
    }

    private static async Task<int> DrawIconsAsync(string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "color.png"), IconPainter.DrawColorPng());
        await File.WriteAllBytesAsync(Path.Combine(folder, "outline.png"), IconPainter.DrawOutlinePng());
        await output.WriteLineAsync($"Drew color.png ({IconPainter.ColorSize}x{IconPainter.ColorSize}) and outline.png ({IconPainter.OutlineSize}x{IconPainter.OutlineSize}) in {Path.GetFullPath(folder)}");
        return 0;
    }

    /// <summary>The given folder, or the repository's manifest/ found upward from here or from the build output.</summary>
    internal static string? FindManifestFolder(string? given)
    {
        if (given is not null)
        {
            return File.Exists(Path.Combine(given, ManifestFileName)) ? given : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "manifest");
                if (File.Exists(Path.Combine(candidate, ManifestFileName)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static async Task WriteProblemsAsync(TextWriter error, string heading, IEnumerable<string> problems)
    {
        await error.WriteLineAsync(heading);
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"  - {problem}");
        }
    }
}
