using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// A dialogs/ folder with Spanish in it, for tests of choosing and switching the language. Until the repository has
/// its own dialogs/es, a stand-in is made from a copy of dialogs/en with the few texts these tests meet rewritten in
/// Spanish (tests assert by key, so any words that differ from the English serve); once dialogs/es exists, the
/// repository's own folder is used.
/// </summary>
public sealed class SpanishContent : IDisposable
{
    private readonly string? _temporary;

    public SpanishContent()
    {
        var repository = Path.Combine(RepositoryFolders.Root, ContentDirectory.FolderName);
        if (Directory.Exists(Path.Combine(repository, "es")))
        {
            Root = repository;
            return;
        }

        _temporary = Path.Combine(Path.GetTempPath(), "so-content-es-" + Guid.NewGuid().ToString("N"));
        foreach (var language in new[] { "en", "es" })
        {
            Directory.CreateDirectory(Path.Combine(_temporary, language));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, "en")))
            {
                File.Copy(file, Path.Combine(_temporary, language, Path.GetFileName(file)));
            }
        }

        Root = _temporary;
        Replace(ContentFiles.Words, "  name: English\n  choose: [english, inglés, in english, en inglés]", "  name: Español\n  choose: [español, spanish, castellano, en español]");
        Replace(ContentFiles.Words, "  yes: [yes, y, yeah,", "  yes: [sí, claro, por supuesto, yes, y, yeah,");
        Replace(ContentFiles.Words, "  fillers: [please,", "  fillers: [por favor, quiero, please,");
        Replace(ContentFiles.Messages, "switched: OK, we'll go on in English.", "switched: De acuerdo, seguimos en español.");
        Replace(ContentFiles.Messages, "consentAsk: Is it OK for me to save your answers?", "consentAsk: ¿Me permite guardar sus respuestas?");
        Replace(ContentFiles.Messages, "consentYes: Thank you. Let's get started.", "consentYes: Gracias. Empecemos.");
        Replace(ContentFiles.Messages, "    ask: Are you the patient, or are you helping someone else?", "    ask: ¿Es usted el paciente, o está ayudando a otra persona?");
        Replace(ContentFiles.Messages, "diagnosis: What health problem or worry is this about? Use your own words.", "diagnosis: ¿De qué problema de salud o preocupación se trata? Use sus propias palabras.");
        Replace(ContentFiles.Messages, "pickOne: Please pick one of the choices, or type its number.", "pickOne: Por favor, elija una de las opciones o escriba su número.");
        Replace(ContentFiles.Messages, "      Good news. {staffName}, {queueName}, has your case {reference}. They will contact you {how} {when}.",
            "      Buenas noticias. {staffName}, {queueName}, tiene su caso {reference}. Le contactará {how} {when}.");
        Replace(ContentFiles.Choices, "        label: Yes, save my answers\n", "        label: Sí, guarde mis respuestas\n");
        Replace(ContentFiles.Choices, "        label: No, don't save them\n", "        label: No, no las guarde\n");
    }

    /// <summary>The dialogs/ folder to give the host as Content:Directory.</summary>
    public string Root { get; }

    /// <summary>Settings for a <see cref="BotAppFactory"/> on this content (and on <paramref name="databasePath"/>, to restart on the same data).</summary>
    public Dictionary<string, string?> Settings(string? databasePath = null)
    {
        var settings = new Dictionary<string, string?> { ["Content:Directory"] = Root };
        if (databasePath is not null)
        {
            settings["Storage:SqlitePath"] = databasePath;
        }

        return settings;
    }

    private void Replace(string file, string oldText, string newText)
    {
        var path = Path.Combine(Root, "es", file);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (_temporary is not null)
        {
            try
            {
                Directory.Delete(_temporary, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans its temp folder.
            }
        }
    }
}
