namespace SecondOpinionBot.Tests.Architecture;

/// <summary>The feature folders of the compiled bot keep the table in docs/ARCHITECTURE.md (FeatureRules).</summary>
public sealed class FeatureDependencyTests
{
    private static readonly FeatureGraph Graph = FeatureGraph.Of(typeof(SecondOpinionBot.Bot.BotAdapter).Assembly.Location);

    [Fact]
    public void Every_feature_of_the_bot_is_in_the_table()
    {
        var features = Graph.Edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct();

        Assert.All(features, feature => Assert.True(FeatureRules.MayUse.ContainsKey(feature),
            $"The folder {feature} is not in FeatureRules (tests/SecondOpinionBot.Tests/Architecture): say what it may use there and in docs/ARCHITECTURE.md."));
    }

    [Fact]
    public void The_table_itself_has_no_cycle()
    {
        // Bot and the host use everything and nothing uses them back, so they are left out of this check.
        var table = FeatureRules.MayUse.Where(rule => rule.Key is not "Bot" and not "(host)")
            .SelectMany(rule => rule.Value.Select(to => (rule.Key, to)));

        Assert.Empty(FeatureGraph.CyclesOf(table));
    }

    [Fact]
    public void No_feature_uses_one_the_table_does_not_allow()
    {
        var against = Graph.Edges
            .Where(e => !Allowed(e.Key) && !FeatureRules.KnownAgainstTheDirection.Contains(e.Key))
            .Select(e => $"{e.Key.From} → {e.Key.To}, for example {string.Join("; ", e.Value.Order(StringComparer.Ordinal).Take(3))}")
            .ToList();

        Assert.True(against.Count == 0,
            "New arrows against docs/ARCHITECTURE.md's table (move the type to the feature that owns it, or pass it in through an interface the lower feature owns):\n"
            + string.Join('\n', against));
    }

    [Fact]
    public void The_list_of_known_arrows_against_the_table_only_shrinks()
    {
        var gone = FeatureRules.KnownAgainstTheDirection.Where(known => !Graph.Edges.ContainsKey(known) || Allowed(known)).ToList();

        Assert.True(gone.Count == 0, "Fixed, so take them out of FeatureRules.KnownAgainstTheDirection: " + string.Join(", ", gone.Select(g => $"{g.From} → {g.To}")));
    }

    [Fact]
    public void The_graph_sees_arrows_inside_method_bodies_and_generic_arguments()
    {
        // Guards the reader itself: Intake uses Handoff's case store only inside async method bodies and lambdas,
        // Staff sees CaseRecord through Task<CaseRecord?> return types.
        Assert.Contains(Graph.Edges[("Intake", "Handoff")], use => use.Contains("ICaseStore", StringComparison.Ordinal));
        Assert.Contains(Graph.Edges[("Staff", "Handoff")], use => use.EndsWith("Handoff.CaseRecord", StringComparison.Ordinal));
    }

    private static bool Allowed((string From, string To) edge) =>
        FeatureRules.MayUse.TryGetValue(edge.From, out var may) && may.Contains(edge.To);
}
