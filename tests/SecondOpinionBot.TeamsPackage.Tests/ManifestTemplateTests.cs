using System.Text.Json.Nodes;
using SecondOpinionBot.TeamsPackage;

namespace SecondOpinionBot.TeamsPackage.Tests;

public sealed class ManifestTemplateTests
{
    private static JsonObject Template()
        => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFolders.Manifest, "manifest.json")))!.AsObject();

    [Fact]
    public void TheManifestsCommandListsEqualTheCommandTable()
    {
        var commandLists = Template()["bots"]![0]!["commandLists"];

        Assert.True(
            JsonNode.DeepEquals(TeamsManifestBuilder.CommandLists(), commandLists),
            "manifest/manifest.json commandLists differ from CommandTable; copy them from a built package. Table gives:\n"
            + TeamsManifestBuilder.CommandLists().ToJsonString(TeamsManifestBuilder.WriteOptions));
    }

    [Fact]
    public void TheBotLivesInPersonalChatsAndTeamChannelsButNotGroupChats()
    {
        var bot = Template()["bots"]![0]!;

        Assert.Equal(["personal", "team"], bot["scopes"]!.AsArray().Select(scope => (string?)scope));
        Assert.False((bool?)bot["supportsFiles"]);
        Assert.False((bool?)bot["isNotificationOnly"]);
    }

    [Fact]
    public void IdsAndHostArePlaceholdersSoNoTenantSpecificValueIsCommitted()
    {
        var manifest = Template();

        Assert.Equal("${{TEAMS_APP_ID}}", (string?)manifest["id"]);
        Assert.Equal("${{BOT_ID}}", (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["${{HOST}}"], manifest["validDomains"]!.AsArray().Select(domain => (string?)domain));
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://${{HOST}}/", (string?)manifest["developer"]![url], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheManifestUsesTheSchemaVersionCurrentInMicrosoftsDocs()
    {
        var manifest = Template();

        // 1.22 is the current version in Microsoft's "App manifest" reference; newer schemas in the npm package are not documented as GA.
        Assert.Equal("1.22", (string?)manifest["manifestVersion"]);
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
    }
}
