namespace SecondOpinionBot.Tests.Support;

internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sob-teams-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A copy of manifest/ (template and icons) that a test may break.</summary>
    public string CopyOfManifestFolder()
    {
        var copy = System.IO.Path.Combine(Path, "manifest");
        Directory.CreateDirectory(copy);
        foreach (var name in new[] { "manifest.json", "color.png", "outline.png" })
        {
            System.IO.File.Copy(System.IO.Path.Combine(RepositoryFolders.Manifest, name), System.IO.Path.Combine(copy, name));
        }

        return copy;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on clean-up.
        }
    }
}
