namespace SecondOpinionBot.Tests.Support;

/// <summary>Folders of the repository the tests run from (found upward from the test binaries).</summary>
internal static class RepositoryFolders
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "manifest");

    public static string Validator => Path.Combine(Manifest, "validate");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SecondOpinionBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (SecondOpinionBot.sln) not found above " + AppContext.BaseDirectory);
    }
}
