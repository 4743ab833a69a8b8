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

        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
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
    }
}
