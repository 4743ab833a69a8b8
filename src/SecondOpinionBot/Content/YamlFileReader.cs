using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecondOpinionBot.Content;

/// <summary>Opens one content file; YAML syntax errors become content errors with the line YamlDotNet reports.</summary>
internal static class YamlFileReader
{
    public static YamlMap? Open(string folder, string fileName, string displayName, ContentErrors errors)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            errors.Add(displayName, 0, "file is missing.");
            return null;
        }

        using var reader = new StreamReader(path);
        var scanner = new Scanner(reader);
        try
        {
            var stream = new YamlStream();
            stream.Load(new Parser(scanner));
            if (stream.Documents.Count != 1)
            {
                errors.Add(displayName, 0, "the file must hold exactly one YAML document.");
                return null;
            }

            return YamlMap.FromDocument(stream.Documents[0].RootNode, displayName, errors);
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            errors.Add(displayName, (int)ex.Start.Line, $"not valid YAML: {reason}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // Some malformed input makes YamlDotNet's scanner fail without a YamlException; its position is still known.
            errors.Add(displayName, (int)scanner.CurrentPosition.Line, "not valid YAML near this line (check brackets, quotes and indentation).");
            return null;
        }
    }
}
