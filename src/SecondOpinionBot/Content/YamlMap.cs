using YamlDotNet.RepresentationModel;

namespace SecondOpinionBot.Content;

/// <summary>
/// Reads one YAML mapping strictly: each key is read once, missing required keys and unknown keys become errors
/// with the file and line, so a typo in an editor's file is caught at startup instead of silently ignored.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly ContentErrors _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string file, ContentErrors errors)
    {
        _node = node;
        _errors = errors;
        File = file;
    }

    public string File { get; }

    public SourceLocation Location => At(_node);

    public YamlMappingNode Node => _node;

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line);

    /// <summary>Reads a top-level file: the root must be a mapping.</summary>
    public static YamlMap? FromDocument(YamlNode? root, string file, ContentErrors errors)
    {
        if (root is YamlMappingNode map)
        {
            return new YamlMap(map, file, errors);
        }

        errors.Add(file, root is null ? 0 : (int)root.Start.Line, "the file must be a mapping of keys (for example `reasons:`).");
        return null;
    }

    public string RequiredString(string key) => String(key, required: true) ?? "";

    /// <summary>Text that may be missing or left empty (a field someone fills in later): "" then.</summary>
    public string OptionalText(string key)
    {
        var node = Take(key, required: false);
        switch (node)
        {
            case null:
                return "";
            case YamlScalarNode scalar:
                return scalar.Value?.Trim() ?? "";
            default:
                _errors.Add(At(node), $"`{key}` must be plain text, not a list or a set of keys.");
                return "";
        }
    }

    public bool OptionalBool(string key)
    {
        var value = String(key, required: false);
        if (value is null)
        {
            return false;
        }

        if (bool.TryParse(value, out var result))
        {
            return result;
        }

        _errors.Add(At(Find(key)!), $"`{key}` must be true or false, not \"{value}\".");
        return false;
    }

    public int? OptionalInt(string key)
    {
        var value = String(key, required: false);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var result))
        {
            return result;
        }

        _errors.Add(At(Find(key)!), $"`{key}` must be a whole number, not \"{value}\".");
        return null;
    }

    /// <summary>A list of plain strings; a single scalar is accepted as a one-item list.</summary>
    public IReadOnlyList<string> StringList(string key, bool required = false)
    {
        var node = Take(key, required);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return NonEmpty(scalar, key) is { } single ? [single] : [];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode s && NonEmpty(s, key) is { } text)
                    {
                        items.Add(text);
                    }
                    else if (item is not YamlScalarNode)
                    {
                        _errors.Add(At(item), $"each item of `{key}` must be plain text.");
                    }
                }

                if (required && items.Count == 0)
                {
                    _errors.Add(At(node), $"`{key}` needs at least one item.");
                }

                return items;
            default:
                _errors.Add(At(node), $"`{key}` must be a list of text items.");
                return [];
        }
    }

    /// <summary>A list of mappings, each read with its own strict reader.</summary>
    public IReadOnlyList<YamlMap> MapList(string key, bool required = true)
    {
        var node = Take(key, required);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            _errors.Add(At(node), $"`{key}` must be a list (items start with `- `).");
            return [];
        }

        var maps = new List<YamlMap>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode map)
            {
                maps.Add(new YamlMap(map, File, _errors));
            }
            else
            {
                _errors.Add(At(item), $"each item of `{key}` must be a set of keys (like `id: ...`).");
            }
        }

        if (required && maps.Count == 0)
        {
            _errors.Add(At(node), $"`{key}` needs at least one item.");
        }

        return maps;
    }

    public YamlMap? Map(string key, bool required = true)
    {
        var node = Take(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode map)
        {
            return new YamlMap(map, File, _errors);
        }

        _errors.Add(At(node), $"`{key}` must be a set of keys.");
        return null;
    }

    /// <summary>Every key/value pair not yet read; used for open-ended maps such as messages.</summary>
    public IEnumerable<(string Key, YamlNode Value)> Remaining()
    {
        foreach (var (keyNode, value) in _node.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (_read.Add(key))
            {
                yield return (key, value);
            }
        }
    }

    public YamlMap Nested(YamlMappingNode node) => new(node, File, _errors);

    public void Error(YamlNode node, string message) => _errors.Add(At(node), message);

    /// <summary>Reports keys nobody asked for: usually a typo (`tittle:`) or a key in the wrong place.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(key))
            {
                _errors.Add(At(keyNode), $"unknown key `{key}`. Allowed here: {string.Join(", ", _read)}.");
            }
        }
    }

    private string? String(string key, bool required)
    {
        var node = Take(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return NonEmpty(scalar, key);
        }

        _errors.Add(At(node), $"`{key}` must be plain text, not a list or a set of keys.");
        return null;
    }

    private string? NonEmpty(YamlScalarNode scalar, string key)
    {
        var text = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            _errors.Add(At(scalar), $"`{key}` is empty.");
            return null;
        }

        return text;
    }

    private YamlNode? Take(string key, bool required)
    {
        _read.Add(key);
        var node = Find(key);
        if (node is null && required)
        {
            _errors.Add(Location, $"missing required key `{key}`.");
        }

        return node;
    }

    private YamlNode? Find(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
