using System.Text.Json.Nodes;

namespace SecondOpinionBot.TeamsPackage;

/// <summary>
/// The mistakes that make Teams refuse a package or install a bot that never answers, caught before the upload.
/// The full schema check is manifest/validate (Microsoft's schema, run in CI).
/// </summary>
public static class TeamsManifestChecks
{
    // Limits from Microsoft's manifest docs; the schema itself allows longer command texts than Teams shows.
    private const int ShortNameMax = 30;
    private const int ShortDescriptionMax = 80;
    private const int FullDescriptionMax = 4000;
    private const int CommandsPerListMax = 10;
    private const int CommandTitleMax = 32;
    private const int CommandDescriptionMax = 128;

    public static IReadOnlyList<string> Check(JsonObject manifest, TeamsPackageArguments arguments)
    {
        var problems = new List<string>();
        var text = manifest.ToJsonString();
        if (text.Contains(TeamsManifestBuilder.PlaceholderStart, StringComparison.Ordinal))
        {
            problems.Add("manifest.json still has a ${{...}} placeholder the packager does not know.");
        }

        if ((string?)manifest["id"] != arguments.AppId)
        {
            problems.Add("manifest.json \"id\" must be ${{TEAMS_APP_ID}}.");
        }

        var bots = manifest["bots"] as JsonArray;
        if (bots is not [JsonObject bot])
        {
            problems.Add("manifest.json must declare exactly one bot.");
            return problems;
        }

        if ((string?)bot["botId"] != arguments.BotId)
        {
            problems.Add("bots[0].botId must be ${{BOT_ID}}, the Azure Bot's Microsoft App ID.");
        }

        var scopes = (bot["scopes"] as JsonArray)?.Select(scope => (string?)scope).Order(StringComparer.Ordinal).ToArray() ?? [];
        if (!scopes.SequenceEqual(["personal", "team"]))
        {
            problems.Add("The bot's scopes must be exactly personal and team (no group chat: patient data does not belong there).");
        }

        if ((string?)manifest["validDomains"]?[0] != arguments.Host)
        {
            problems.Add("validDomains must list the bot's host.");
        }

        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            if ((string?)manifest["developer"]?[url] is not { } value || !value.StartsWith($"https://{arguments.Host}/", StringComparison.Ordinal))
            {
                problems.Add($"developer.{url} must be an https address on {arguments.Host}.");
            }
        }

        CheckLength(problems, "name.short", (string?)manifest["name"]?["short"], ShortNameMax);
        CheckLength(problems, "description.short", (string?)manifest["description"]?["short"], ShortDescriptionMax);
        CheckLength(problems, "description.full", (string?)manifest["description"]?["full"], FullDescriptionMax);

        foreach (var list in bot["commandLists"] as JsonArray ?? [])
        {
            var commands = list?["commands"] as JsonArray ?? [];
            if (commands.Count > CommandsPerListMax)
            {
                problems.Add($"Teams shows at most {CommandsPerListMax} commands per scope; this list has {commands.Count}.");
            }

            foreach (var command in commands)
            {
                var title = (string?)command?["title"];
                CheckLength(problems, $"command title '{title}'", title, CommandTitleMax);
                CheckLength(problems, $"description of command '{title}'", (string?)command?["description"], CommandDescriptionMax);
            }
        }

        return problems;
    }

    /// <summary>Teams refuses icons that are not PNG or not exactly 192×192 (color) and 32×32 (outline).</summary>
    public static string? CheckIcon(string name, byte[]? png, int size)
    {
        if (png is null)
        {
            return $"Icon '{name}' is missing from the manifest folder.";
        }

        return PngImage.ReadSize(png) switch
        {
            null => $"Icon '{name}' is not a PNG file.",
            var (width, height) when width != size || height != size => $"Icon '{name}' is {width}x{height}; Teams needs exactly {size}x{size}.",
            _ => null,
        };
    }

    private static void CheckLength(List<string> problems, string what, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{what} is empty.");
        }
        else if (value.Length > max)
        {
            problems.Add($"{what} is {value.Length} characters; Teams allows {max}.");
        }
    }
}
