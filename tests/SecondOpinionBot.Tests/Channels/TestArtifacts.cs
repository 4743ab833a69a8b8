namespace SecondOpinionBot.Tests.Channels;

/// <summary>Screenshots and other evidence go to test-artifacts/ at the repository root (gitignored).</summary>
public static class TestArtifacts
{
    public static string PathFor(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SecondOpinionBot.sln")))
        {
            directory = directory.Parent;
        }

        var root = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "test-artifacts");
        Directory.CreateDirectory(root);
        return Path.Combine(root, fileName);
    }
}
