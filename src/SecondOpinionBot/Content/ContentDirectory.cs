namespace SecondOpinionBot.Content;

/// <summary>Finds the dialogs/ folder: the configured path, else the nearest dialogs/ above the content root or the app's folder.</summary>
public static class ContentDirectory
{
    public const string FolderName = "dialogs";

    public static string Resolve(string? configured, params string[] searchFrom)
    {
        ArgumentNullException.ThrowIfNull(searchFrom);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var root = searchFrom.FirstOrDefault() ?? AppContext.BaseDirectory;
            var path = Path.GetFullPath(Path.Combine(root, configured));
            return Directory.Exists(path)
                ? path
                : throw new ContentValidationException($"Content:Directory points to '{path}', which does not exist.");
        }

        foreach (var start in searchFrom.Append(AppContext.BaseDirectory))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ContentValidationException(
            $"Could not find a '{FolderName}' folder above {string.Join(" or ", searchFrom)}. Set Content:Directory.");
    }
}
