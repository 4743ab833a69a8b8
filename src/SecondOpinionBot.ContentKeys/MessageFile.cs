using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SecondOpinionBot.ContentKeys;

/// <summary>One message of messages.yaml: its dotted key, the {placeholders} its English text uses, and its line.</summary>
internal sealed class MessageEntry(string key, IReadOnlyList<string> placeholders, int line, string keyPrefix = "")
{
    public string Key { get; } = key;

    public IReadOnlyList<string> Placeholders { get; } = placeholders;

    public int Line { get; } = line;

    /// <summary>The C# name: each dotted segment capitalised and joined (welcome.intro → WelcomeIntro).</summary>
    public string FieldName => string.Concat(Key.Substring(keyPrefix.Length).Split('.').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));
}

/// <summary>
/// Reads messages.yaml the way the app's ContentParser does (nested maps flattened to dotted keys under `messages:`),
/// with YamlDotNet, the same library the app uses.
/// </summary>
internal static class MessageFile
{
    private static readonly Regex Placeholder = new(@"\{([A-Za-z][A-Za-z0-9]*)\}", RegexOptions.CultureInvariant);

    public static IReadOnlyList<MessageEntry> Parse(string text) => Parse(text, MessageSource.Patient);

    /// <summary>Reads <paramref name="source"/>'s file: its messages under its root key, with the root as key prefix for staff.yaml.</summary>
    public static IReadOnlyList<MessageEntry> Parse(string text, MessageSource source)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var entries = new List<MessageEntry>();
        if (stream.Documents.Count > 0
            && stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode(source.Root), out var messages)
            && messages is YamlMappingNode map)
        {
            Flatten(map, source.KeyPrefix, source.KeyPrefix, entries);
        }

        return entries;
    }

    private static void Flatten(YamlMappingNode map, string prefix, string keyPrefix, List<MessageEntry> entries)
    {
        foreach (var pair in map.Children)
        {
            var key = prefix + ((YamlScalarNode)pair.Key).Value;
            switch (pair.Value)
            {
                case YamlMappingNode nested:
                    Flatten(nested, key + ".", keyPrefix, entries);
                    break;
                case YamlScalarNode { Value: { } value }:
                    var names = Placeholder.Matches(value).Cast<Match>().Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
                    entries.Add(new MessageEntry(key, names, (int)pair.Key.Start.Line, keyPrefix));
                    break;
            }
        }
    }
}
