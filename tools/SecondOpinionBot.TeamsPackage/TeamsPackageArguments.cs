namespace SecondOpinionBot.TeamsPackage;

/// <summary>The checked arguments of the Teams package tool.</summary>
public sealed record TeamsPackageArguments(
    string BotId,
    string AppId,
    string Host,
    string AppVersion,
    string OutputPath,
    string? ManifestFolder)
{
    public const string Usage = """
        Usage: dotnet run --project tools/SecondOpinionBot.TeamsPackage -- --bot-id <GUID> --host <public host> [options]
          --bot-id <GUID>        The Microsoft App ID of your Azure Bot (Azure portal > the bot > Configuration).
          --host <host>          The public https host of the bot, e.g. bot.example.org (no http, no path).
          --app-id <GUID>        The Teams app id; defaults to the bot id. Keep it the same for every update.
          --app-version <x.y.z>  The app version; raise it for every update you upload (default 1.0.0).
          --output <path>        Where to write the zip (default appPackage.zip at the repository root; a relative
                                 path is taken from the repository root).
          --manifest-dir <dir>   The folder with manifest.json and the icons (default: the repository's manifest/).
          --draw-icons [dir]     Only redraw color.png and outline.png (default into manifest/) and stop.
        """;

    private const string DefaultAppVersion = "1.0.0";

    public static (TeamsPackageArguments? Arguments, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        var problems = new List<string>();
        var values = ReadOptions(args, problems);

        var botId = CheckGuid(values.GetValueOrDefault("--bot-id"), "--bot-id",
            "the Microsoft App ID of your Azure Bot (Azure portal > the bot > Configuration > Microsoft App ID)", problems);
        var appId = values.TryGetValue("--app-id", out var appIdText)
            ? CheckGuid(appIdText, "--app-id", "the Teams app id you used for the first upload", problems)
            : botId;

        string? host = null;
        if (!PublicHost.TryNormalize(values.GetValueOrDefault("--host"), out host, out var hostProblem))
        {
            problems.Add(hostProblem);
        }

        var appVersion = values.GetValueOrDefault("--app-version") ?? DefaultAppVersion;
        if (!Version.TryParse(appVersion, out var parsedVersion) || parsedVersion.Build < 0 || parsedVersion.Revision >= 0)
        {
            problems.Add($"--app-version '{appVersion}' must look like 1.0.0 (three numbers)");
        }

        if (problems.Count > 0 || botId is null || appId is null || host is null)
        {
            return (null, problems);
        }

        var output = values.GetValueOrDefault("--output") ?? "appPackage.zip";
        return (new TeamsPackageArguments(botId, appId, host, appVersion, output, values.GetValueOrDefault("--manifest-dir")), problems);
    }

    private static Dictionary<string, string> ReadOptions(IReadOnlyList<string> args, List<string> problems)
    {
        string[] known = ["--bot-id", "--app-id", "--host", "--app-version", "--output", "--manifest-dir"];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                problems.Add($"Unknown argument '{name}'.");
                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problems.Add($"{name} needs a value.");
                continue;
            }

            values[name] = args[++i];
        }

        return values;
    }

    private static string? CheckGuid(string? value, string option, string whatItIs, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{option} is required: {whatItIs}.");
            return null;
        }

        if (!Guid.TryParseExact(value.Trim(), "D", out var guid) || guid == Guid.Empty)
        {
            problems.Add($"{option} '{value}' is not a GUID like 1b4e28ba-2fa1-11d2-883f-0016d3cca427. Use {whatItIs}; not the bot's name and not a secret.");
            return null;
        }

        return guid.ToString("D");
    }
}
