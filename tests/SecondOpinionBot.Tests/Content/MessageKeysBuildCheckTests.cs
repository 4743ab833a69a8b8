using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecondOpinionBot.ContentKeys;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// The build turns dialogs/en/messages.yaml into MessageKeys and refuses code that fills a message wrongly. Each test
/// compiles a small program against a messages file, with the same generator and analyzer the app's build uses.
/// </summary>
public sealed class MessageKeysBuildCheckTests
{
    private const string Messages = """
        messages:
          handoff:
            reopened: "Your case {reference} is open again."
            sent: We have sent your case.
          role:
            relationship: "{patientName} is your …"
        """;

    private const string Library = """
        using System.Collections.Generic;
        namespace SecondOpinionBot.Content
        {
            public sealed record MessageKey(string Name, IReadOnlyList<string> Placeholders);
        }
        public static class Kit
        {
            public static string Say(SecondOpinionBot.Content.MessageKey key, params (string Name, string Value)[] values) => key.Name;
        }
        """;

    [Fact]
    public void Each_message_becomes_a_key_with_the_placeholders_its_text_uses()
    {
        var (diagnostics, generated) = Compile(Messages, """
            using SecondOpinionBot.Content;
            static class Use { static string A() => Kit.Say(MessageKeys.HandoffReopened, ("reference", "SO-1")) + Kit.Say(MessageKeys.HandoffSent); }
            """);

        Assert.Empty(diagnostics);
        Assert.Contains("HandoffReopened = Key(\"handoff.reopened\", \"reference\")", generated);
        Assert.Contains("RoleRelationship = Key(\"role.relationship\", \"patientName\")", generated);
    }

    [Fact]
    public void A_fill_for_a_placeholder_the_message_does_not_have_is_a_build_error_at_that_name()
    {
        var (diagnostics, _) = Compile(Messages, """
            using SecondOpinionBot.Content;
            static class Use { static string A() => Kit.Say(MessageKeys.HandoffReopened, ("reference", "SO-1"), ("refrence", "x")); }
            """);

        var error = Assert.Single(diagnostics);
        Assert.Equal("SOB1002", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'handoff.reopened' has no placeholder {refrence}", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Leaving_out_a_placeholder_is_a_build_error_also_when_the_fills_are_a_written_out_list()
    {
        var (diagnostics, _) = Compile(Messages, """
            using SecondOpinionBot.Content;
            static class Use
            {
                static string A() => Kit.Say(MessageKeys.HandoffReopened);
                static string B() => Kit.Say(MessageKeys.RoleRelationship, values: [("relationship", "mother")]);
            }
            """);

        Assert.Equal(3, diagnostics.Length);
        Assert.Contains(diagnostics, d => d.Id == "SOB1003" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'handoff.reopened' needs a value for {reference}", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "SOB1003" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'role.relationship' needs a value for {patientName}", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "SOB1002" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("{relationship}", StringComparison.Ordinal));
    }

    [Fact]
    public void Fills_computed_at_run_time_are_left_to_the_run_time_check()
    {
        var (diagnostics, _) = Compile(Messages, """
            using SecondOpinionBot.Content;
            static class Use { static string A((string, string)[] values) => Kit.Say(MessageKeys.HandoffReopened, values); }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Code_that_names_a_message_missing_from_the_file_does_not_build()
    {
        var (diagnostics, _) = Compile(Messages, """
            using SecondOpinionBot.Content;
            static class Use { static string A() => Kit.Say(MessageKeys.HandoffWithdrawn); }
            """);

        Assert.Contains(diagnostics, d => d.Id == "CS0117" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("HandoffWithdrawn", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_messages_file_the_build_says_so()
    {
        var (diagnostics, _) = Compile(messages: null, "static class Use { }");

        Assert.Contains(diagnostics, d => d.Id == "SOB1000");
    }

    [Fact]
    public void The_apps_own_wording_files_generate_a_key_for_every_message_the_content_loads()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "dialogs", "en", "messages.yaml"));
        var staff = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "dialogs", "en", "staff.yaml"));
        var (diagnostics, generated) = Compile(text, "static class Use { }", staff);

        Assert.Empty(diagnostics);
        var catalog = ContentFixture.English.Messages;
        Assert.All(catalog.All, message => Assert.Contains($"Key(\"{message.Key}\"", generated, StringComparison.Ordinal));
    }

    private const string Staff = """
        staff:
          actions:
            claimedLine: "{name} claimed this case."
        """;

    [Fact]
    public void Staff_wording_becomes_StaffMessageKeys_and_its_fills_are_checked_the_same_way()
    {
        var (diagnostics, generated) = Compile(Messages, """
            using SecondOpinionBot.Content;
            static class Use
            {
                static string A() => Kit.Say(StaffMessageKeys.ActionsClaimedLine, ("name", "Ana"));
                static string B() => Kit.Say(StaffMessageKeys.ActionsClaimedLine, ("nmae", "Ana"));
            }
            """, Staff);

        Assert.Contains("ActionsClaimedLine = Key(\"staff.actions.claimedLine\", \"name\")", generated);
        Assert.Equal(2, diagnostics.Length);
        Assert.Contains(diagnostics, d => d.Id == "SOB1002" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'staff.actions.claimedLine' has no placeholder {nmae}", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "SOB1003");
    }

    private static (ImmutableArray<Diagnostic> Diagnostics, string Generated) Compile(string? messages, string program, string? staff = null)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("Sample",
            [CSharpSyntaxTree.ParseText(Library), CSharpSyntaxTree.ParseText(program)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        ImmutableArray<AdditionalText> files = messages is null ? [] : [new InMemoryFile("/repo/dialogs/en/messages.yaml", messages)];
        if (staff is not null)
        {
            files = files.Add(new InMemoryFile("/repo/dialogs/en/staff.yaml", staff));
        }

        var driver = CSharpGeneratorDriver.Create([new MessageKeysGenerator().AsSourceGenerator()], files);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzed = output.WithAnalyzers([new MessagePlaceholderAnalyzer()], new AnalyzerOptions(files));
        var diagnostics = generatorDiagnostics
            .AddRange(analyzed.GetAllDiagnosticsAsync().GetAwaiter().GetResult())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToImmutableArray();
        var generated = string.Concat(output.SyntaxTrees.Skip(2).Select(tree => tree.ToString()));
        return (diagnostics, generated);
    }

    private sealed class InMemoryFile(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
