using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using SecondOpinionBot.Content;
using YamlDotNet.RepresentationModel;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// Every id, tag and message key the code relies on (the constants in ContentIds.cs and the MessageKeys generated from dialogs/en/messages.yaml) is required
/// at load: a copy of dialogs/en with one of them taken out fails with the file, the line and what is missing.
/// The cases come from the constants themselves, so a newly declared id is covered without editing this test.
/// </summary>
public sealed class RequiredContentIdsTests : IDisposable
{
    private readonly ContentCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    public static TheoryData<string> Situations() => [.. SituationIds.Required];

    public static TheoryData<string> ChoiceSets() => [.. ChoiceSetIds.Required.Keys];

    public static TheoryData<string, string> Choices() =>
        Data(ChoiceSetIds.Required.SelectMany(set => set.Value.Select(choice => (set.Key, choice))));

    public static TheoryData<string, string> Tags() =>
        Data(ChoiceSetIds.RequiredTags.SelectMany(set => set.Value.Select(tag => (set.Key, tag))));

    public static TheoryData<string> Queues() => [.. QueueIds.Required];

    public static TheoryData<string> Messages() => [.. MessageKeys.All.Select(key => key.Name)];

    [Theory]
    [MemberData(nameof(Situations))]
    public void A_situation_the_code_relies_on_cannot_be_removed(string id)
    {
        var yaml = Edit(ContentFiles.Situations, root => RemoveById(Sequence(root, "situations"), id));

        ExpectError(ContentFiles.Situations, KeyLine(yaml, "situations"), $"situation `{id}` is missing");
    }

    [Theory]
    [MemberData(nameof(ChoiceSets))]
    public void A_choice_set_the_code_relies_on_cannot_be_removed(string set)
    {
        var yaml = Edit(ContentFiles.Choices, root => RemoveById(Sequence(root, "choiceSets"), set));

        ExpectError(ContentFiles.Choices, KeyLine(yaml, "choiceSets"), $"choice set `{set}` is used by the code and must exist");
    }

    [Theory]
    [MemberData(nameof(Choices))]
    public void A_choice_the_code_branches_on_cannot_be_removed(string set, string choice)
    {
        var yaml = Edit(ContentFiles.Choices, root => RemoveById(Sequence(ById(Sequence(root, "choiceSets"), set), "choices"), choice));

        ExpectError(ContentFiles.Choices, SetLine(yaml, set), $"choice set `{set}` must keep the choice `{choice}`");
    }

    [Theory]
    [MemberData(nameof(Tags))]
    public void A_situation_tag_the_code_branches_on_cannot_be_taken_off_every_choice(string set, string tag)
    {
        var yaml = Edit(ContentFiles.Choices, root =>
        {
            foreach (var choice in Sequence(ById(Sequence(root, "choiceSets"), set), "choices").Cast<YamlMappingNode>())
            {
                if (choice.Children.TryGetValue(new YamlScalarNode("situations"), out var tags) && tags is YamlSequenceNode list)
                {
                    var tagged = list.Children.OfType<YamlScalarNode>().FirstOrDefault(t => t.Value == tag);
                    Assert.True(tagged is null || list.Children.Remove(tagged));
                }
            }
        });

        ExpectError(ContentFiles.Choices, SetLine(yaml, set), $"choice set `{set}` needs a choice with `situations: [{tag}]`");
    }

    [Theory]
    [MemberData(nameof(Queues))]
    public void A_queue_staff_bind_cannot_be_removed(string id)
    {
        var yaml = Edit(ContentFiles.Routing, root => RemoveById(Sequence(root, "queues"), id));

        ExpectError(ContentFiles.Routing, KeyLine(yaml, "queues"), $"queue `{id}` is missing");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_the_code_says_cannot_be_removed(string key)
    {
        Edit(ContentFiles.Messages, root =>
        {
            var parts = key.Split('.');
            var group = (YamlMappingNode)root["messages"];
            foreach (var part in parts[..^1])
            {
                group = (YamlMappingNode)group[part];
            }

            Assert.True(group.Children.Remove(new YamlScalarNode(parts[^1])), $"{key} not found in messages.yaml");
        });

        var error = ExpectError(ContentFiles.Messages, line: null, $"message `{key}` is used by the code and is missing");
        Assert.InRange(error.Line, 1, File.ReadAllLines(_copy.PathOf(ContentFiles.Messages)).Length);
    }

    [Fact]
    public async Task Startup_stops_with_the_file_line_and_what_is_missing()
    {
        var yaml = Edit(ContentFiles.Choices, root =>
        {
            var choices = Sequence(ById(Sequence(root, "choiceSets"), ChoiceSetIds.Proposal), "choices");
            RemoveById(choices, choices.Children.Cast<YamlMappingNode>().Single(c => c.ToString().Contains(SituationIds.DiagnosisUnclear, StringComparison.Ordinal))["id"].ToString());
        });
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Content:Directory"] = _copy.Root;
        builder.AddContent();
        await using var app = builder.Build();

        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => app.StartAsync());

        Assert.Contains(
            $"choices.yaml:{SetLine(yaml, ChoiceSetIds.Proposal)}: choice set `proposal` needs a choice with `situations: [diagnosis-unclear]`",
            ex.Message,
            StringComparison.Ordinal);
    }

    private static TheoryData<string, string> Data(IEnumerable<(string, string)> cases)
    {
        var data = new TheoryData<string, string>();
        foreach (var (first, second) in cases)
        {
            data.Add(first, second);
        }

        return data;
    }

    /// <summary>Applies <paramref name="change"/> to the copy's file and returns the file as written, re-read.</summary>
    private YamlMappingNode Edit(string file, Action<YamlMappingNode> change)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(_copy.PathOf(file)))
        {
            yaml.Load(reader);
        }

        change((YamlMappingNode)yaml.Documents[0].RootNode);
        using (var writer = new StreamWriter(_copy.PathOf(file)))
        {
            yaml.Save(writer, assignAnchors: false);
        }

        var written = new YamlStream();
        using var again = new StreamReader(_copy.PathOf(file));
        written.Load(again);
        return (YamlMappingNode)written.Documents[0].RootNode;
    }

    private ContentError ExpectError(string file, int? line, string message)
    {
        var ex = Assert.Throws<ContentValidationException>(() => ContentCatalog.Load(_copy.Root, "en", featureChecks: ContentFixture.FeatureChecks));
        var error = Assert.Single(ex.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.EndsWith(file, error.File, StringComparison.Ordinal);
        if (line is { } expected)
        {
            Assert.Equal(expected, error.Line);
            Assert.Contains($"{file}:{expected}: ", ex.Message, StringComparison.Ordinal);
        }

        return error;
    }

    private static YamlSequenceNode Sequence(YamlMappingNode map, string key) => (YamlSequenceNode)map[key];

    private static YamlMappingNode ById(YamlSequenceNode list, string id) =>
        list.Children.Cast<YamlMappingNode>().Single(item => item["id"].ToString() == id);

    private static void RemoveById(YamlSequenceNode list, string id) => Assert.True(list.Children.Remove(ById(list, id)));

    private static int KeyLine(YamlMappingNode root, string key) =>
        (int)root.Children.Keys.Single(k => k.ToString() == key).Start.Line;

    private static int SetLine(YamlMappingNode root, string set) => (int)ById(Sequence(root, "choiceSets"), set).Start.Line;
}
