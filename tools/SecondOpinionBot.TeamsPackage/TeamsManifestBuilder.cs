using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecondOpinionBot.Commands;

namespace SecondOpinionBot.TeamsPackage;

/// <summary>Turns manifest/manifest.json (a template with ${{...}} placeholders) into the manifest that goes in the zip.</summary>
public static class TeamsManifestBuilder
{
    public const string PlaceholderStart = "${{";

    public static JsonSerializerOptions WriteOptions { get; } = new()
    {
        WriteIndented = true,
        // The manifest is read by Teams, not embedded in HTML: keep apostrophes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Fills the placeholders and writes the bot's commandLists from <see cref="CommandTable"/>.</summary>
    public static JsonObject Build(string template, TeamsPackageArguments arguments)
    {
        var filled = template
            .Replace("${{TEAMS_APP_ID}}", arguments.AppId, StringComparison.Ordinal)
            .Replace("${{BOT_ID}}", arguments.BotId, StringComparison.Ordinal)
            .Replace("${{HOST}}", arguments.Host, StringComparison.Ordinal)
            .Replace("${{APP_VERSION}}", arguments.AppVersion, StringComparison.Ordinal);

        var manifest = JsonNode.Parse(filled)?.AsObject()
            ?? throw new JsonException("manifest.json is empty.");
        if (manifest["bots"]?[0] is JsonObject bot)
        {
            bot["commandLists"] = CommandLists();
        }

        return manifest;
    }

    /// <summary>The manifest's commandLists: one list per scope, in table order.</summary>
    public static JsonArray CommandLists()
    {
        var lists = new JsonArray();
        foreach (var scope in Enum.GetValues<CommandScope>())
        {
            var commands = new JsonArray();
            foreach (var command in CommandTable.InScope(scope).Where(command => command.InMenu))
            {
                commands.Add(new JsonObject
                {
                    ["title"] = command.Title,
                    ["description"] = command.Description,
                });
            }

            lists.Add(new JsonObject
            {
                ["scopes"] = new JsonArray(ManifestScope(scope)),
                ["commands"] = commands,
            });
        }

        return lists;
    }

    public static string ManifestScope(CommandScope scope) => scope switch
    {
        CommandScope.Personal => "personal",
        CommandScope.Team => "team",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };
}
